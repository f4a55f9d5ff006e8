/* bb-core.h - everything the GUI, the CLI and the tests need from the core
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-advice.h"
#include "bb-analyze.h"
#include "bb-blocklist.h"
#include "bb-bounce.h"
#include "bb-enums.h"
#include "bb-kb.h"
#include "bb-provider.h"
#include "bb-provider-codes.h"
#include "bb-recipient.h"
#include "bb-typo.h"

void bb_core_init (void);
