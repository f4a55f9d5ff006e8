/* test-core-util.h - helpers shared by the core tests
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Adds the path of every .eml file under @dir, subfolders included, to
 * @out (which frees them). */
static inline void
test_collect_eml_files (const char *dir,
                        GPtrArray  *out)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_collect_eml_files (path, out);
      else if (g_str_has_suffix (name, ".eml"))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}
