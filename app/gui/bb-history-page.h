/* bb-history-page.h - the History page: the bounce log in a table
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_HISTORY_PAGE (bb_history_page_get_type ())

G_DECLARE_FINAL_TYPE (BbHistoryPage, bb_history_page, BB, HISTORY_PAGE, AdwBin)

BbHistoryPage *bb_history_page_new (void);
BbStore       *bb_history_page_get_store (BbHistoryPage *self);
void           bb_history_page_set_store (BbHistoryPage *self,
                                          BbStore       *store);
void           bb_history_page_reload (BbHistoryPage *self);

G_END_DECLS
