/* bb-cli-check.h - bounceback-cli check-address
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

int bb_cli_check_address (int    argc,
                          char **argv);
