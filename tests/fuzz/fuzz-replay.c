/* fuzz-replay.c - run the fuzz entry over files and folders, without
 * libFuzzer: a cheap regression guard that any compiler can build
 *
 *   fuzz-replay PATH…   (a folder means every regular file in it)
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-analyze.h"

#include <glib.h>
#include <locale.h>
#include <stdio.h>

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
replay_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      return FALSE;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  return TRUE;
}

static gboolean
replay_path (const char *path,
             guint      *count)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;
  gboolean ok = TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      (*count)++;
      return replay_file (path);
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      fprintf (stderr, "fuzz-replay: cannot open %s\n", path);
      return FALSE;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* Same order on every machine. */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR) || g_str_has_suffix (file, ".md"))
        continue;
      (*count)++;
      ok &= replay_file (file);
    }
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  gboolean ok = TRUE;
  guint count = 0;

  setlocale (LC_ALL, "");
  LLVMFuzzerInitialize (&argc, &argv);
  if (argc < 2)
    {
      fprintf (stderr, "usage: fuzz-replay PATH…\n");
      return 2;
    }
  for (int i = 1; i < argc; i++)
    ok &= replay_path (argv[i], &count);
  printf ("fuzz-replay: %u inputs replayed\n", count);
  return ok ? 0 : 1;
}
