/* bb-cli-log.c - bounceback-cli log … and reference …: the bounce log on
 * the command line
 *
 * Exit status: 0 done; 1 something failed (an unreadable input, an entry
 * that does not exist, a state change that is not allowed, a file that
 * could not be written); 2 a usage error or a database that is not a
 * Bounceback log (which is left untouched).
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-cli-log.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bb-core.h"
#include "bb-json.h"
#include "bb-reference.h"
#include "bb-store.h"

#define EXIT_USAGE 2

typedef struct
{
  const char *db; /* --db, or NULL */
} Globals;

/* ---- shared bits ---- */

static char *
resolve_db_path (const Globals *globals)
{
  const char *env = g_getenv ("BOUNCEBACK_DB");

  if (globals->db != NULL && *globals->db != '\0')
    return g_strdup (globals->db);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return bb_store_default_path ();
}

/* Opens the log or says why not; the caller exits with 2. */
static BbStore *
open_store (const Globals *globals)
{
  g_autofree char *path = resolve_db_path (globals);
  g_autoptr (GError) error = NULL;
  BbStore *store = bb_store_open (path, &error);

  if (store == NULL)
    g_printerr ("bounceback-cli: %s\n", error->message);
  return store;
}

static gboolean
parse_options (GOptionContext *context,
               const char     *command,
               int            *argc,
               char         ***argv)
{
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("bounceback-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr (_ ("bounceback-cli: “%s” is not an entry number.\n"), text != NULL ? text : "");
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

/* "2026-03-02" (local midnight; with @end_of_day, the midnight after) or a
 * full ISO 8601 time. */
static gboolean
parse_date (const char *text,
            gboolean    end_of_day,
            gint64     *unix_time)
{
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  int  year, month, day;
  char rest;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
    {
      time = g_date_time_new (local, year, month, day, 0, 0, 0);
      if (time != NULL && end_of_day)
        {
          GDateTime *next = g_date_time_add_days (time, 1);

          g_date_time_unref (time);
          time = next;
        }
    }
  else
    time = g_date_time_new_from_iso8601 (text, local);
  if (time == NULL)
    {
      g_printerr (_ ("bounceback-cli: “%s” is not a date (use YYYY-MM-DD).\n"), text);
      return FALSE;
    }
  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}

static char *
category_names (void)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < BB_N_CATEGORIES; i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, bb_category_to_string ((BbCategory) i));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static BbCategory
category_from_string (const char *name)
{
  for (guint i = 0; i < BB_N_CATEGORIES; i++)
    if (g_strcmp0 (bb_category_to_string ((BbCategory) i), name) == 0)
      return (BbCategory) i;
  return BB_CATEGORY_UNKNOWN;
}

/* The filter options of list, search and export. */
typedef struct
{
  char    *state;
  char    *tag;
  char    *category;
  char    *domain;
  char    *since;
  char    *until;
  char    *sort;
  gboolean hard;
  gboolean soft;
} FilterOptions;

static void
filter_options_clear (FilterOptions *options)
{
  g_free (options->state);
  g_free (options->tag);
  g_free (options->category);
  g_free (options->domain);
  g_free (options->since);
  g_free (options->until);
  g_free (options->sort);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterOptions, filter_options_clear)

static void
add_filter_entries (GOptionContext *context,
                    FilterOptions  *options)
{
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &options->state, N_ ("Only entries in this state (new, to_verify, resent, resolved, dead)"), N_ ("STATE") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &options->tag, N_ ("Only entries with this tag"), N_ ("TAG") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options->category, N_ ("Only this category (address, domain, mailbox …)"), N_ ("CATEGORY") },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &options->domain, N_ ("Only this recipient domain"), N_ ("DOMAIN") },
    { "hard", 0, 0, G_OPTION_ARG_NONE, &options->hard, N_ ("Only hard bounces"), NULL },
    { "soft", 0, 0, G_OPTION_ARG_NONE, &options->soft, N_ ("Only soft bounces"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &options->since, N_ ("Only bounces on or after this day"), N_ ("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &options->until, N_ ("Only bounces on or before this day"), N_ ("YYYY-MM-DD") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &options->sort, N_ ("Order: newest (default), oldest, address, domain, state, category"), N_ ("ORDER") },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
make_filter (const FilterOptions *options,
             const char          *text,
             BbStoreFilter      **out)
{
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
  static const char *const sorts[] = { "newest", "oldest", "address", "domain", "state", "category", NULL };

  if (options->state != NULL)
    {
      if (!bb_entry_state_from_string (options->state, &filter->state))
        {
          g_printerr (_ ("bounceback-cli: “%s” is not a state (new, to_verify, resent, resolved, dead).\n"),
                      options->state);
          return FALSE;
        }
      filter->any_state = FALSE;
    }
  if (options->category != NULL)
    {
      if (category_from_string (options->category) == BB_CATEGORY_UNKNOWN &&
          g_strcmp0 (options->category, "unknown") != 0)
        {
          g_autofree char *names = category_names ();

          g_printerr (_ ("bounceback-cli: “%s” is not a category (%s).\n"), options->category, names);
          return FALSE;
        }
      filter->category = g_strdup (options->category);
    }
  if (options->hard && options->soft)
    {
      g_printerr ("%s\n", _ ("bounceback-cli: --hard and --soft exclude each other."));
      return FALSE;
    }
  filter->bounce_type = options->hard ? BB_BOUNCE_TYPE_HARD : options->soft ? BB_BOUNCE_TYPE_SOFT
                                                                            : BB_BOUNCE_TYPE_ANY;
  filter->tag = g_strdup (options->tag);
  filter->domain = g_strdup (options->domain);
  filter->text = g_strdup (text);
  if (options->since != NULL && !parse_date (options->since, FALSE, &filter->since))
    return FALSE;
  if (options->until != NULL && !parse_date (options->until, TRUE, &filter->until))
    return FALSE;
  if (options->sort != NULL)
    {
      guint i;

      for (i = 0; sorts[i] != NULL; i++)
        if (g_ascii_strcasecmp (options->sort, sorts[i]) == 0)
          break;
      if (sorts[i] == NULL)
        {
          g_printerr (_ ("bounceback-cli: “%s” is not an order (newest, oldest, address, domain, state, category).\n"),
                      options->sort);
          return FALSE;
        }
      filter->sort = (BbStoreSort) i;
    }
  *out = g_steal_pointer (&filter);
  return TRUE;
}

/* ---- output of entries ---- */

static char *
iso8601_utc (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* One JSON object per line (JSON Lines).  Not translated: for programs. */
static void
write_entry_json (GString *out,
                  BbEntry *entry)
{
  const char *const *tags = bb_entry_get_tags (entry);
  g_autofree char   *key = bb_entry_dup_key (entry);
  g_autofree char   *bounced_at = iso8601_utc (bb_entry_get_bounced_at (entry));
  g_autofree char   *created_at = iso8601_utc (bb_entry_get_created_at (entry));
  g_autofree char   *updated_at = iso8601_utc (bb_entry_get_updated_at (entry));

  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT, bb_entry_get_id (entry));
  bb_json_member_string (out, "key", key);
  bb_json_member_string (out, "address", bb_entry_get_address (entry));
  bb_json_member_string (out, "domain", bb_entry_get_domain (entry));
  bb_json_member_string (out, "status", bb_entry_get_status (entry));
  bb_json_member_string (out, "reply_code", bb_entry_get_reply_code (entry));
  bb_json_member_string (out, "reason", bb_entry_get_reason (entry));
  bb_json_member_string (out, "category", bb_entry_get_category (entry));
  bb_json_member_string (out, "urgency", bb_entry_get_urgency (entry));
  bb_json_member_string (out, "side", bb_entry_get_side (entry));
  bb_json_member_bool (out, "hard_bounce", bb_entry_get_hard_bounce (entry));
  bb_json_member_string (out, "provider", bb_entry_get_provider_id (entry));
  bb_json_member_string (out, "provider_code", bb_entry_get_provider_code (entry));
  bb_json_member_string (out, "state", bb_entry_state_to_string (bb_entry_get_state (entry)));
  bb_json_member_strv (out, "tags", tags);
  bb_json_member_string (out, "note", bb_entry_get_note (entry));
  bb_json_member_string (out, "bounced_at", bounced_at);
  bb_json_member_string (out, "diagnostic", bb_entry_get_diagnostic (entry));
  bb_json_member_string (out, "evidence", bb_entry_get_evidence (entry));
  bb_json_member_string (out, "subject", bb_entry_get_subject (entry));
  bb_json_member_string (out, "original_date", bb_entry_get_original_date (entry));
  bb_json_member_string (out, "original_message_id", bb_entry_get_original_message_id (entry));
  bb_json_member_string (out, "original_from", bb_entry_get_original_from (entry));
  bb_json_member_string (out, "original_to", bb_entry_get_original_to (entry));
  bb_json_member_string (out, "source", bb_entry_get_source (entry));
  bb_json_member_string (out, "kind", bb_entry_get_kind (entry));
  g_string_append_printf (out, ",\"has_message\":%s", bb_entry_get_has_message (entry) ? "true" : "false");
  bb_json_member_string (out, "created_at", created_at);
  bb_json_member_string (out, "updated_at", updated_at);
  g_string_append (out, "}\n");
}

static void
write_entry_text (GString *out,
                  BbEntry *entry)
{
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (bb_entry_get_bounced_at (entry));
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
  g_autofree char *tags = g_strjoinv (", ", (char **) bb_entry_get_tags (entry));
  const char      *code = bb_entry_get_status (entry);
  const char      *reply = bb_entry_get_reply_code (entry);

  g_string_append_printf (out, "%" G_GINT64_FORMAT "  %s  %s  %s", bb_entry_get_id (entry), when,
                          bb_entry_state_title (bb_entry_get_state (entry)), bb_entry_get_address (entry));
  if (reply != NULL || code != NULL)
    g_string_append_printf (out, "  %s%s%s", reply != NULL ? reply : "", reply != NULL && code != NULL ? " " : "",
                            code != NULL ? code : "");
  g_string_append_printf (out, "  %s", bb_kb_category_title (category_from_string (bb_entry_get_category (entry))));
  if (bb_entry_get_reason (entry) != NULL)
    g_string_append_printf (out, " (%s)", bb_entry_get_reason (entry));
  if (*tags != '\0')
    g_string_append_printf (out, "  [%s]", tags);
  g_string_append_c (out, '\n');
  if (*bb_entry_get_note (entry) != '\0')
    {
      g_auto (GStrv) lines = g_strsplit (bb_entry_get_note (entry), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (out, "    %s\n", lines[i]);
    }
}

static int
print_entries (BbStore             *store,
               const BbStoreFilter *filter,
               guint                offset,
               guint                limit,
               gboolean             json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = bb_store_list_entries (store, filter, offset, limit, &error);
  g_autoptr (GString) out = g_string_new (NULL);

  if (entries == NULL)
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      if (json)
        write_entry_json (out, g_ptr_array_index (entries, i));
      else
        write_entry_text (out, g_ptr_array_index (entries, i));
      if (out->len > 65536)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  if (!json)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u entry\n", "%u entries\n", entries->len),
                            entries->len);
  fwrite (out->str, 1, out->len, stdout);
  return 0;
}

/* ---- the commands ---- */

typedef struct
{
  Globals *globals;
  gboolean progress;
  guint    unreadable;
} ImportOutput;

static void
on_import_event (BbImportEvent        event,
                 const BbImportStats *stats,
                 const char          *label,
                 const char          *error,
                 gpointer             user_data)
{
  ImportOutput *output = user_data;

  switch (event)
    {
    case BB_IMPORT_EVENT_UNREADABLE:
      output->unreadable++;
      g_printerr ("bounceback-cli: %s: %s\n", label, error != NULL ? error : "");
      break;
    case BB_IMPORT_EVENT_COMMITTED:
      /* machine-readable, not translated: tests and scripts read it */
      if (output->progress)
        {
          fprintf (stderr, "bounceback-progress committed=%u added=%u duplicates=%u last=%s\n", stats->messages,
                   stats->added, stats->duplicates, label != NULL ? label : "");
          fflush (stderr);
        }
      break;
    default:
      break;
    }
}

static int
cmd_import (Globals *globals,
            int      argc,
            char   **argv)
{
  gboolean progress = FALSE;
  int      batch_size = 0;
  g_auto (GStrv) paths = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress, N_ ("Print a line on standard error for every committed batch (also BOUNCEBACK_PROGRESS=1)"), NULL },
    { "batch-size", 0, 0, G_OPTION_ARG_INT, &batch_size, N_ ("Messages per transaction (default 500)"), N_ ("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_ ("PATH…") },
    { NULL },
  };
  BbImportStats stats = { 0 };
  ImportOutput  output = { 0 };
  gboolean      ok;

  g_option_context_set_summary (context, _ ("Analyse bounce e-mails (files, folders, mbox files or - for standard input) and add them to the log."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "log import", &argc, &argv))
    return EXIT_USAGE;
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr ("%s\n", _ ("bounceback-cli log import: give at least one file, folder or - (standard input)."));
      return EXIT_USAGE;
    }
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  output.globals = globals;
  output.progress = progress || g_strcmp0 (g_getenv ("BOUNCEBACK_PROGRESS"), "1") == 0;
  ok = bb_store_import_paths (store, (const char *const *) paths, batch_size > 0 ? (guint) batch_size : 0,
                              on_import_event, &output, NULL, &stats, &error);
  g_print (_ ("Messages read: %u\n"), stats.messages);
  g_print (_ ("Entries added: %u\n"), stats.added);
  g_print (_ ("Already in the log: %u\n"), stats.duplicates);
  g_print (_ ("Not bounces: %u\n"), stats.not_bounces);
  g_print (_ ("Unreadable: %u\n"), stats.unreadable);
  if (!ok)
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  return stats.unreadable > 0 || output.unreadable > 0 ? 1 : 0;
}

static int
cmd_list (Globals *globals,
          int      argc,
          char   **argv,
          gboolean search)
{
  gboolean json = FALSE;
  int      limit = 0;
  int      offset = 0;
  g_auto (FilterOptions) filter_options = { 0 };
  g_auto (GStrv) rest = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (BbStoreFilter) filter = NULL;
  g_autoptr (BbStore) store = NULL;
  g_autofree char *text = NULL;
  GOptionEntry     entries[] = {
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("One JSON object per entry, one per line"), NULL },
        { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_ ("Show at most N entries"), N_ ("N") },
        { "offset", 0, 0, G_OPTION_ARG_INT, &offset, N_ ("Skip the first N entries"), N_ ("N") },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, search ? N_ ("TEXT") : NULL },
        { NULL },
  };

  g_option_context_set_summary (context, search ? _ ("Find entries whose address, domain, subject, server message or note contains TEXT.")
                                                : _ ("List the entries of the log, newest first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_filter_entries (context, &filter_options);
  if (!parse_options (context, search ? "log search" : "log list", &argc, &argv))
    return EXIT_USAGE;
  if (search)
    {
      if (rest == NULL || rest[0] == NULL)
        {
          g_printerr ("%s\n", _ ("bounceback-cli log search: give the text to look for."));
          return EXIT_USAGE;
        }
      text = g_strjoinv (" ", rest);
    }
  else if (rest != NULL && rest[0] != NULL)
    {
      g_printerr (_ ("bounceback-cli log list: unexpected argument “%s”.\n"), rest[0]);
      return EXIT_USAGE;
    }
  if (limit < 0 || offset < 0)
    {
      g_printerr ("%s\n", _ ("bounceback-cli: --limit and --offset take a number of 0 or more."));
      return EXIT_USAGE;
    }
  if (!make_filter (&filter_options, text, &filter))
    return EXIT_USAGE;
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  return print_entries (store, filter, (guint) offset, (guint) limit, json);
}

static int
cmd_list_only (Globals *globals,
               int      argc,
               char   **argv)
{
  return cmd_list (globals, argc, argv, FALSE);
}

static int
cmd_search (Globals *globals,
            int      argc,
            char   **argv)
{
  return cmd_list (globals, argc, argv, TRUE);
}

/* Parses "ID ARG" (and more when @join_rest) for set-state, tag, untag,
 * note. */
static gboolean
parse_id_and_argument (const char *command,
                       const char *arg_name,
                       gboolean    join_rest,
                       int        *argc,
                       char     ***argv,
                       gint64     *id,
                       char      **argument)
{
  g_auto (GStrv) rest = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *parameter = g_strdup_printf ("ID %s", arg_name);
  GOptionEntry     entries[] = {
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, parameter },
        { NULL },
  };
  guint n;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, command, argc, argv))
    return FALSE;
  n = rest != NULL ? g_strv_length (rest) : 0;
  if (n < 2 || (n > 2 && !join_rest))
    {
      g_printerr (_ ("Usage: bounceback-cli %s ID %s\n"), command, arg_name);
      return FALSE;
    }
  if (!parse_id (rest[0], id))
    return FALSE;
  *argument = g_strjoinv (" ", rest + 1);
  return TRUE;
}

static int
cmd_set_state (Globals *globals,
               int      argc,
               char   **argv)
{
  gint64           id;
  g_autofree char *name = NULL;
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  BbEntryState state;

  if (!parse_id_and_argument ("log set-state", "STATE", FALSE, &argc, &argv, &id, &name))
    return EXIT_USAGE;
  if (!bb_entry_state_from_string (name, &state))
    {
      g_printerr (_ ("bounceback-cli: “%s” is not a state (new, to_verify, resent, resolved, dead).\n"), name);
      return EXIT_USAGE;
    }
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  if (!bb_store_set_state (store, id, state, &error))
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  g_print (_ ("Entry %lld is now “%s”.\n"), (long long) id, bb_entry_state_title (state));
  return 0;
}

static int
cmd_tag (Globals *globals,
         int      argc,
         char   **argv,
         gboolean add)
{
  gint64           id;
  g_autofree char *tag = NULL;
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (!parse_id_and_argument (add ? "log tag" : "log untag", "TAG", FALSE, &argc, &argv, &id, &tag))
    return EXIT_USAGE;
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  ok = add ? bb_store_add_tag (store, id, tag, &error) : bb_store_remove_tag (store, id, tag, &error);
  if (!ok)
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  if (add)
    g_print (_ ("Entry %lld has the tag “%s”.\n"), (long long) id, tag);
  else
    g_print (_ ("Entry %lld does not have the tag “%s” any more.\n"), (long long) id, tag);
  return 0;
}

static int
cmd_tag_add (Globals *globals,
             int      argc,
             char   **argv)
{
  return cmd_tag (globals, argc, argv, TRUE);
}

static int
cmd_tag_remove (Globals *globals,
                int      argc,
                char   **argv)
{
  return cmd_tag (globals, argc, argv, FALSE);
}

static int
cmd_note (Globals *globals,
          int      argc,
          char   **argv)
{
  gint64           id;
  g_autofree char *note = NULL;
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_id_and_argument ("log note", "TEXT", TRUE, &argc, &argv, &id, &note))
    return EXIT_USAGE;
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  if (!bb_store_set_note (store, id, note, &error))
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  if (*note == '\0')
    g_print (_ ("The note of entry %lld was removed.\n"), (long long) id);
  else
    g_print (_ ("The note of entry %lld was saved.\n"), (long long) id);
  return 0;
}

static gboolean
parse_format_and_output (const char     *command,
                         const char     *format_name,
                         const char     *output,
                         BbExportFormat *format)
{
  if (format_name == NULL || !bb_export_format_from_string (format_name, format))
    {
      g_printerr (_ ("bounceback-cli %s: give --format csv or --format xlsx.\n"), command);
      return FALSE;
    }
  if (output == NULL || *output == '\0')
    {
      g_printerr (_ ("bounceback-cli %s: give the file to write with -o FILE.\n"), command);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_export (Globals *globals,
            int      argc,
            char   **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_auto (FilterOptions) filter_options = { 0 };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (BbStoreFilter) filter = NULL;
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_ ("csv (UTF-8, opens in Excel; can be imported again) or xlsx"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The file to write"), N_ ("FILE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_ ("Only entries containing this text"), N_ ("TEXT") },
    { NULL },
  };
  BbExportFormat format;
  guint          n = 0;

  g_option_context_set_summary (context, _ ("Write the log, or the entries the filters let through, to a CSV or Excel file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_filter_entries (context, &filter_options);
  if (!parse_options (context, "log export", &argc, &argv))
    return EXIT_USAGE;
  if (!parse_format_and_output ("log export", format_name, output, &format) ||
      !make_filter (&filter_options, text, &filter))
    return EXIT_USAGE;
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  if (!bb_store_export (store, filter, format, output, &n, &error))
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u entry written to “%s”.\n", "%u entries written to “%s”.\n", n), n,
           output);
  return 0;
}

static int
cmd_import_csv (Globals *globals,
                int      argc,
                char   **argv)
{
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (BbStore) store = NULL;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE…") },
    { NULL },
  };
  int status = 0;

  g_option_context_set_summary (context, _ ("Merge CSV exports of the log (a colleague’s, say) into this one, without duplicates."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "log import-csv", &argc, &argv))
    return EXIT_USAGE;
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _ ("bounceback-cli log import-csv: give the CSV file to import."));
      return EXIT_USAGE;
    }
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      BbCsvImportStats stats = { 0 };

      if (!bb_store_import_csv (store, files[i], &stats, &error))
        {
          g_printerr ("bounceback-cli: %s\n", error->message);
          status = 1;
          continue;
        }
      g_print (_ ("Rows read: %u\n"), stats.rows);
      g_print (_ ("Entries added: %u\n"), stats.added);
      g_print (_ ("Entries merged: %u\n"), stats.merged);
      g_print (_ ("Already up to date: %u\n"), stats.unchanged);
      g_print (_ ("Rows skipped: %u\n"), stats.skipped);
    }
  return status;
}

static int
cmd_reanalyse (Globals *globals,
               int      argc,
               char   **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  BbReanalyseStats stats = { 0 };
  gboolean         ok;

  g_option_context_set_summary (context, _ ("Analyse every stored bounce again with this version’s engine; states, notes and tags stay."));
  if (!parse_options (context, "log reanalyse", &argc, &argv))
    return EXIT_USAGE;
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;
  ok = bb_store_reanalyse_all (store, NULL, &stats, &error);
  g_print (_ ("Messages analysed again: %u\n"), stats.messages);
  g_print (_ ("Entries updated: %u\n"), stats.updated);
  g_print (_ ("Entries unchanged: %u\n"), stats.unchanged);
  g_print (_ ("New entries: %u\n"), stats.added);
  g_print (_ ("Entries no longer found (kept): %u\n"), stats.kept);
  if (!ok)
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* ---- stats ---- */

typedef struct
{
  int retry_after;
  int retry_before;
  int review_days;
  int repeat_threshold;
  int months;
} StatsOptions;

static void
json_counts (GString    *out,
             const char *name,
             GPtrArray  *counts,
             const char *key_name,
             const char *detail_name)
{
  g_string_append_printf (out, ",\"%s\":[", name);
  for (guint i = 0; i < counts->len; i++)
    {
      BbStoreCount *count = g_ptr_array_index (counts, i);

      g_string_append_printf (out, "%s{\"%s\":", i > 0 ? "," : "", key_name);
      bb_json_append_string (out, count->key);
      if (detail_name != NULL)
        bb_json_member_string (out, detail_name, count->detail);
      g_string_append_printf (out, ",\"count\":%" G_GINT64_FORMAT ",\"hard\":%" G_GINT64_FORMAT "}", count->count,
                              count->hard);
    }
  g_string_append_c (out, ']');
}

static gint64
months_ago (int months)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr (GDateTime) start = g_date_time_add_months (first, -(months - 1));

  return g_date_time_to_unix (start);
}

static int
cmd_stats (Globals *globals,
           int      argc,
           char   **argv)
{
  gboolean     json = FALSE;
  StatsOptions o = { 24, 48, 90, 3, 6 };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) by_state = NULL;
  g_autoptr (GPtrArray) by_month = NULL;
  g_autoptr (GPtrArray) by_week = NULL;
  g_autoptr (GPtrArray) domains = NULL;
  g_autoptr (GPtrArray) providers = NULL;
  g_autoptr (GPtrArray) retry = NULL;
  g_autoptr (GPtrArray) review = NULL;
  g_autoptr (GPtrArray) today = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) midnight = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("One JSON object"), NULL },
    { "months", 0, 0, G_OPTION_ARG_INT, &o.months, N_ ("Counts per category for the last N months (default 6)"), N_ ("N") },
    { "retry-after", 0, 0, G_OPTION_ARG_INT, &o.retry_after, N_ ("A soft bounce is due for a retry this many hours after it bounced (default 24)"), N_ ("HOURS") },
    { "retry-before", 0, 0, G_OPTION_ARG_INT, &o.retry_before, N_ ("… and until this many hours after (default 48; 0: no end)"), N_ ("HOURS") },
    { "review-days", 0, 0, G_OPTION_ARG_INT, &o.review_days, N_ ("Hard bounces this many days old are due for review (default 90)"), N_ ("DAYS") },
    { "repeat-threshold", 0, 0, G_OPTION_ARG_INT, &o.repeat_threshold, N_ ("Warn about a domain with this many bounces today (default 3)"), N_ ("N") },
    { NULL },
  };
  gint64 total = 0;
  gint64 hard = 0;
  gint64 since;
  gint64 now_unix = g_date_time_to_unix (now);

  g_option_context_set_summary (context, _ ("Figures about the log: states, categories per month, top domains and providers, what is due."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "log stats", &argc, &argv))
    return EXIT_USAGE;
  if (o.retry_after < 0 || o.retry_before < 0 || (o.retry_before > 0 && o.retry_before < o.retry_after) ||
      o.review_days < 0 || o.repeat_threshold < 1 || o.months < 1)
    {
      g_printerr ("%s\n", _ ("bounceback-cli log stats: the numbers given are out of range."));
      return EXIT_USAGE;
    }
  store = open_store (globals);
  if (store == NULL)
    return EXIT_USAGE;

  since = months_ago (o.months);
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  if ((by_state = bb_store_count_by_state (store, &error)) == NULL ||
      (by_month = bb_store_count_by_period (store, BB_STORE_PERIOD_MONTH, since, 0, &error)) == NULL ||
      (by_week = bb_store_count_by_period (store, BB_STORE_PERIOD_WEEK, now_unix - 8 * 7 * 86400, 0, &error)) == NULL ||
      (domains = bb_store_top_domains (store, 0, 0, 10, &error)) == NULL ||
      (providers = bb_store_top_providers (store, 0, 0, 10, &error)) == NULL ||
      (retry = bb_store_list_retry_due (store, now_unix, (guint) o.retry_after, (guint) o.retry_before, 0, NULL, &error)) == NULL ||
      (review = bb_store_list_review_due (store, now_unix, (guint) o.review_days, 0, NULL, &error)) == NULL ||
      (today = bb_store_domains_per_day (store, g_date_time_to_unix (midnight), 0, (guint) o.repeat_threshold, &error)) == NULL)
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < by_state->len; i++)
    {
      BbStoreCount *count = g_ptr_array_index (by_state, i);

      total += count->count;
      hard += count->hard;
    }

  if (json)
    {
      g_string_append_printf (out, "{\"entries\":%" G_GINT64_FORMAT ",\"hard\":%" G_GINT64_FORMAT, total, hard);
      json_counts (out, "by_state", by_state, "state", NULL);
      json_counts (out, "by_month", by_month, "month", "category");
      json_counts (out, "by_week", by_week, "week", "category");
      json_counts (out, "top_domains", domains, "domain", NULL);
      json_counts (out, "top_providers", providers, "provider", NULL);
      g_string_append_printf (out, ",\"retry_due\":%u,\"review_due\":%u", retry->len, review->len);
      json_counts (out, "repeated_domains_today", today, "day", "domain");
      g_string_append (out, "}\n");
      fwrite (out->str, 1, out->len, stdout);
      return 0;
    }

  g_string_append_printf (out, _ ("Entries: %lld (hard bounces: %lld)\n"), (long long) total, (long long) hard);
  g_string_append_printf (out, "\n%s\n", _ ("By state:"));
  for (guint i = 0; i < by_state->len; i++)
    {
      BbStoreCount *count = g_ptr_array_index (by_state, i);
      BbEntryState  state = BB_ENTRY_STATE_NEW;

      bb_entry_state_from_string (count->key, &state);
      g_string_append_printf (out, "  %s: %" G_GINT64_FORMAT "\n", bb_entry_state_title (state), count->count);
    }
  g_string_append_printf (out, "\n%s\n", _ ("By month and category:"));
  for (guint i = 0; i < by_month->len; i++)
    {
      BbStoreCount *count = g_ptr_array_index (by_month, i);

      g_string_append_printf (out, "  %s  %s: %" G_GINT64_FORMAT "\n", count->key,
                              bb_kb_category_title (category_from_string (count->detail)), count->count);
    }
  g_string_append_printf (out, "\n%s\n", _ ("Top domains:"));
  for (guint i = 0; i < domains->len; i++)
    {
      BbStoreCount *count = g_ptr_array_index (domains, i);

      g_string_append_printf (out, _ ("  %s: %lld (hard: %lld)\n"), count->key,
                              (long long) count->count, (long long) count->hard);
    }
  g_string_append_printf (out, "\n%s\n", _ ("Top providers:"));
  for (guint i = 0; i < providers->len; i++)
    {
      BbStoreCount     *count = g_ptr_array_index (providers, i);
      const BbProvider *provider = bb_provider_lookup_id (count->key);

      g_string_append_printf (out, "  %s: %" G_GINT64_FORMAT "\n",
                              provider != NULL ? bb_provider_get_display_name (provider) : count->key, count->count);
    }
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _ ("Soft bounces due for a retry: %u\n"), retry->len);
  g_string_append_printf (out, _ ("Hard bounces due for the quarterly review: %u\n"), review->len);
  for (guint i = 0; i < today->len; i++)
    {
      BbStoreCount *count = g_ptr_array_index (today, i);

      g_string_append_printf (out, _ ("Warning: %s bounced %lld times today.\n"), count->detail,
                              (long long) count->count);
    }
  fwrite (out->str, 1, out->len, stdout);
  return 0;
}

/* ---- dispatch ---- */

typedef int (*CommandFunc) (Globals *globals,
                            int      argc,
                            char   **argv);

typedef struct
{
  const char *name;
  CommandFunc func;
  const char *synopsis;
  const char *help;
} Command;

static const Command log_commands[] = {
  { "import", cmd_import, "import [--progress] PATH…", N_ ("Analyse bounces and add them to the log") },
  { "list", cmd_list_only, "list [--json] [FILTERS] [--limit N]", N_ ("List entries") },
  { "search", cmd_search, "search TEXT [--json] [FILTERS]", N_ ("Find entries by text") },
  { "set-state", cmd_set_state, "set-state ID STATE", N_ ("Change an entry's follow-up state") },
  { "tag", cmd_tag_add, "tag ID TAG", N_ ("Add a tag to an entry") },
  { "untag", cmd_tag_remove, "untag ID TAG", N_ ("Remove a tag from an entry") },
  { "note", cmd_note, "note ID TEXT", N_ ("Set an entry's note (\"\" removes it)") },
  { "export", cmd_export, "export --format csv|xlsx -o FILE [FILTERS]", N_ ("Write the log to a CSV or Excel file") },
  { "import-csv", cmd_import_csv, "import-csv FILE", N_ ("Merge a CSV export into the log") },
  { "stats", cmd_stats, "stats [--json]", N_ ("Figures about the log") },
  { "reanalyse", cmd_reanalyse, "reanalyse", N_ ("Analyse the stored bounces again") },
};

static void
log_usage (void)
{
  g_print ("%s\n\n", _ ("Usage: bounceback-cli log [--db FILE] COMMAND …"));
  for (guint i = 0; i < G_N_ELEMENTS (log_commands); i++)
    g_print ("  %-44s %s\n", log_commands[i].synopsis, _ (log_commands[i].help));
  g_print ("\n%s\n", _ ("FILTERS: --state STATE, --tag TAG, --category CATEGORY, --domain DOMAIN, --hard, --soft, --since YYYY-MM-DD, --until YYYY-MM-DD, --sort ORDER"));
  g_print (_ ("The log is %s unless --db FILE or BOUNCEBACK_DB says otherwise.\n"), "$XDG_DATA_HOME/bounceback/bounceback.db");
}

/* Takes --db FILE / --db=FILE out of @argv, wherever it is. */
static gboolean
take_db_option (int     *argc,
                char   **argv,
                Globals *globals)
{
  int out = 0;

  for (int i = 0; i < *argc; i++)
    {
      if (strcmp (argv[i], "--db") == 0)
        {
          if (i + 1 >= *argc)
            {
              g_printerr ("%s\n", _ ("bounceback-cli: --db needs a file name."));
              return FALSE;
            }
          globals->db = argv[++i];
          continue;
        }
      if (g_str_has_prefix (argv[i], "--db="))
        {
          globals->db = argv[i] + strlen ("--db=");
          continue;
        }
      argv[out++] = argv[i];
    }
  argv[out] = NULL;
  *argc = out;
  return TRUE;
}

/**
 * bb_cli_log:
 * @argv: "log", the command, its arguments
 */
int
bb_cli_log (int    argc,
            char **argv)
{
  Globals globals = { 0 };

  if (!take_db_option (&argc, argv, &globals))
    return EXIT_USAGE;
  if (argc < 2 || strcmp (argv[1], "help") == 0 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      log_usage ();
      return argc < 2 ? EXIT_USAGE : 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (log_commands); i++)
    if (strcmp (argv[1], log_commands[i].name) == 0)
      return log_commands[i].func (&globals, argc - 1, argv + 1);
  g_printerr (_ ("bounceback-cli log: unknown command “%s”.\n"), argv[1]);
  log_usage ();
  return EXIT_USAGE;
}

/**
 * bb_cli_reference:
 * @argv: "reference", "export", its options
 */
int
bb_cli_reference (int    argc,
                  char **argv)
{
  Globals          globals = { 0 };
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_ ("csv or xlsx"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The file to write"), N_ ("FILE") },
    { NULL },
  };
  BbExportFormat format;
  guint          n = 0;

  /* the cheat-sheet needs no log, but takes --db like every command */
  if (!take_db_option (&argc, argv, &globals))
    return EXIT_USAGE;
  if (argc < 2 || strcmp (argv[1], "export") != 0)
    {
      g_printerr ("%s\n", _ ("Usage: bounceback-cli reference export --format csv|xlsx -o FILE"));
      return EXIT_USAGE;
    }
  argc--;
  argv++;
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _ ("Write the cheat-sheet (every status code, reply code and reason, explained) to a CSV or Excel file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, "reference export", &argc, &argv))
    return EXIT_USAGE;
  if (!parse_format_and_output ("reference export", format_name, output, &format))
    return EXIT_USAGE;
  if (!bb_reference_export (format, output, &n, &error))
    {
      g_printerr ("bounceback-cli: %s\n", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u row written to “%s”.\n", "%u rows written to “%s”.\n", n), n, output);
  return 0;
}
