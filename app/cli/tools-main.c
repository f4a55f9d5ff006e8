/* tools-main.c - bounceback-cli-tools: the commands of bounceback-cli that
 * need the bounce log or the network (log, check-address, reference)
 *
 * bounceback-cli runs this program for them (see main.c), so that
 * `analyze` starts without loading SQLite, libsoup and what they need.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bb-cli-check.h"
#include "bb-cli-log.h"
#include "bb-core.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bb_core_init ();
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && strcmp (argv[1], "log") == 0)
    return bb_cli_log (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "check-address") == 0)
    return bb_cli_check_address (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "reference") == 0)
    return bb_cli_reference (argc - 1, argv + 1);

  g_printerr (_ ("bounceback-cli: unknown command “%s”.\n"), argc >= 2 ? argv[1] : "");
  return 2;
}
