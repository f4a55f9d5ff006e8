/* bb-result-row.h - a row of the results list
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-result-item.h"

G_BEGIN_DECLS

#define BB_TYPE_RESULT_ROW (bb_result_row_get_type ())

G_DECLARE_FINAL_TYPE (BbResultRow, bb_result_row, BB, RESULT_ROW, GtkWidget)

GtkWidget    *bb_result_row_new      (void);
BbResultItem *bb_result_row_get_item (BbResultRow  *self);
void          bb_result_row_set_item (BbResultRow  *self,
                                      BbResultItem *item);

G_END_DECLS
