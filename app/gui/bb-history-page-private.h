/* bb-history-page-private.h - BbHistoryPage internals for the tests
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-history-page.h"

G_BEGIN_DECLS

GtkColumnView       *_bb_history_page_get_column_view (BbHistoryPage *self);
GtkSelectionModel   *_bb_history_page_get_selection (BbHistoryPage *self);
GtkEditable         *_bb_history_page_get_search_entry (BbHistoryPage *self);
GtkDropDown         *_bb_history_page_get_state_drop (BbHistoryPage *self);
GtkDropDown         *_bb_history_page_get_type_drop (BbHistoryPage *self);
const BbStoreFilter *_bb_history_page_get_filter (BbHistoryPage *self);
const char          *_bb_history_page_get_shown (BbHistoryPage *self);
void                 _bb_history_page_add_tag (BbHistoryPage *self,
                                               const char    *tag);

void                 _bb_history_page_export (BbHistoryPage *self,
                                              const char    *path,
                                              gboolean       selection);
guint                _bb_history_page_get_n_exporting (BbHistoryPage *self);
void                 _bb_history_page_import_csv (BbHistoryPage *self,
                                                  const char    *path);

void                 _bb_history_page_set_note (BbHistoryPage *self,
                                                const char    *note);

G_END_DECLS
