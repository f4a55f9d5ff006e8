/* bb-followup-page.h - the Follow-up page: what is due for a retry or a
 * review
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-settings.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_FOLLOWUP_PAGE (bb_followup_page_get_type ())

G_DECLARE_FINAL_TYPE (BbFollowupPage, bb_followup_page, BB, FOLLOWUP_PAGE, AdwBin)

BbFollowupPage *bb_followup_page_new (void);
BbStore        *bb_followup_page_get_store (BbFollowupPage *self);
void            bb_followup_page_set_store (BbFollowupPage *self,
                                            BbStore        *store);
void            bb_followup_page_set_settings (BbFollowupPage *self,
                                               BbSettings     *settings);
guint           bb_followup_page_get_n_due (BbFollowupPage *self);
gboolean        bb_followup_page_get_loading (BbFollowupPage *self);
void            bb_followup_page_reload (BbFollowupPage *self);

/* for the tests */
GtkListBox *_bb_followup_page_get_retry_list (BbFollowupPage *self);
GtkListBox *_bb_followup_page_get_review_list (BbFollowupPage *self);
void        _bb_followup_page_set_now (BbFollowupPage *self,
                                       gint64          now);

G_END_DECLS
