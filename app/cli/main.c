/* main.c - bounceback-cli: the engine on the command line
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_MIMALLOC
#include <mimalloc.h>
#endif

#include "bb-core.h"
#include "bb-input.h"
#include "bb-json.h"
#include "bb-report.h"

/* Runs on the worker threads: formatting is part of the parallel work. */
static void
format_json (BbBounce *bounce,
             GString  *out,
             gpointer  user_data)
{
  const gboolean *explain = user_data; /* the first field of Options */

  bb_json_write_bounce_with_flags (out, bounce, *explain ? BB_JSON_EXPLAIN : BB_JSON_NONE);
  g_string_append_c (out, '\n');
}

static void
format_report (BbBounce *bounce,
               GString  *out,
               gpointer  user_data)
{
  bb_report_write (out, bounce);
}

typedef struct
{
  gboolean      explain;
  GCancellable *cancellable;
} Options;

static void
write_stdout (const char *text,
              gsize       len,
              gpointer    user_data)
{
  Options *options = user_data;

  /* A reader that went away (| head): stop instead of analysing on. */
  if (fwrite (text, 1, len, stdout) != len)
    g_cancellable_cancel (options->cancellable);
}

static int
cmd_analyze (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  gboolean explain = FALSE;
  int      threads = 0;
  g_auto (GStrv) paths = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("One JSON object per message, one per line"), NULL },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, N_ ("With --json: add the explanations and next steps, in the user's language"), NULL },
    { "threads", 'j', 0, G_OPTION_ARG_INT, &threads, N_ ("Worker threads (default: one per processor)"), N_ ("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_ ("PATH…") },
    { NULL },
  };
  guint   failures;
  Options options = { 0 };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _ ("Analyse bounce e-mails: files, folders, mbox files, or - for standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bounceback-cli analyze: %s\n", error->message);
      return 2;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _ ("bounceback-cli analyze: give at least one file, folder or - (standard input)."));
      return 2;
    }
  if (threads < 0)
    threads = 0;

  options.explain = explain;
  options.cancellable = g_cancellable_new ();
  if (threads != 1)
    {
      /* Worker processes rather than threads: see
       * bb_input_analyze_in_processes(). */
      signal (SIGPIPE, SIG_IGN);
      failures = bb_input_analyze_in_processes ((const char *const *) paths, (guint) threads,
                                                options.cancellable, json ? format_json : format_report,
                                                write_stdout, &options);
    }
  else
    failures = bb_input_analyze_formatted ((const char *const *) paths, (guint) threads,
                                           options.cancellable, json ? format_json : format_report,
                                           write_stdout, &options);
  fflush (stdout);
  g_clear_object (&options.cancellable);
  return failures > 0 ? 1 : 0;
}

/* The helper that has the log, the address checks and the exports:
 * beside this program when it runs from its build folder, else where it
 * is installed. */
static char *
tools_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *sibling = g_build_filename (dir, "bounceback-cli-tools", NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }
  return g_build_filename (LIBEXECDIR, "bounceback-cli-tools", NULL);
}

/* Runs the helper in this process's place, with the same arguments. */
static int
run_tools (char **argv)
{
  g_autofree char *path = tools_path ();
  int              saved;

  fflush (stdout);
  execv (path, argv);
  saved = errno;
  g_printerr (_ ("bounceback-cli: cannot run %s: %s\n"), path, g_strerror (saved));
  return 2;
}

static void
usage (void)
{
  g_print ("%s\n\n", _ ("Usage: bounceback-cli COMMAND [OPTIONS] ARGS…"));
  g_print ("%s\n", _ ("Commands:"));
  g_print ("  analyze [--json] PATH…   %s\n", _ ("Explain bounce e-mails"));
  g_print ("  log COMMAND …            %s\n", _ ("The bounce log: import, list, search, follow up, export (log help)"));
  g_print ("  check-address ADDRESS    %s\n", _ ("Typo, mail servers and other contacts of an address (check-address --help)"));
  g_print ("  reference export …       %s\n", _ ("Write the cheat-sheet of codes and reasons to CSV or Excel"));
  g_print ("  help                     %s\n", _ ("Show this help"));
  g_print ("  version                  %s\n", _ ("Show the version"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bb_core_init ();
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || strcmp (argv[1], "help") == 0 || strcmp (argv[1], "--help") == 0 ||
      strcmp (argv[1], "-h") == 0)
    {
      usage ();
      return argc < 2 ? 2 : 0;
    }
  if (strcmp (argv[1], "version") == 0 || strcmp (argv[1], "--version") == 0)
    {
#ifdef HAVE_MIMALLOC
      /* Also what keeps mimalloc linked in (--as-needed). */
      g_print ("bounceback-cli %s (mimalloc %d)\n", PACKAGE_VERSION, mi_version ());
#else
      g_print ("bounceback-cli %s\n", PACKAGE_VERSION);
#endif
      return 0;
    }
  if (strcmp (argv[1], "analyze") == 0)
    return cmd_analyze (argc - 1, argv + 1);
  if (strcmp (argv[1], "log") == 0 || strcmp (argv[1], "check-address") == 0 ||
      strcmp (argv[1], "reference") == 0)
    return run_tools (argv);

  g_printerr (_ ("bounceback-cli: unknown command “%s”.\n"), argv[1]);
  usage ();
  return 2;
}
