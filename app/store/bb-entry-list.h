/* bb-entry-list.h - the log as a GListModel that reads pages on demand
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_ENTRY_LIST (bb_entry_list_get_type ())

G_DECLARE_FINAL_TYPE (BbEntryList, bb_entry_list, BB, ENTRY_LIST, GObject)

BbEntryList         *bb_entry_list_new        (BbStore             *store,
                                               const BbStoreFilter *filter);
BbStore             *bb_entry_list_get_store  (BbEntryList         *self);
const BbStoreFilter *bb_entry_list_get_filter (BbEntryList         *self);
void                 bb_entry_list_set_filter (BbEntryList         *self,
                                               const BbStoreFilter *filter);
void                 bb_entry_list_reload     (BbEntryList         *self);

G_END_DECLS
