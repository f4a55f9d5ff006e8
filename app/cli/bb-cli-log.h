/* bb-cli-log.h - bounceback-cli log … and reference …
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

int bb_cli_log       (int    argc,
                      char **argv);
int bb_cli_reference (int    argc,
                      char **argv);
