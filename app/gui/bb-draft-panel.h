/* bb-draft-panel.h - the resend draft under a diagnosis
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-bounce.h"
#include "bb-draft.h"
#include "bb-settings.h"

G_BEGIN_DECLS

#define BB_TYPE_DRAFT_PANEL (bb_draft_panel_get_type ())

G_DECLARE_FINAL_TYPE (BbDraftPanel, bb_draft_panel, BB, DRAFT_PANEL, AdwBin)

GtkWidget    *bb_draft_panel_new             (BbSettings   *settings,
                                              BbDraftStore *store);
BbSettings   *bb_draft_panel_get_settings    (BbDraftPanel *self);
void          bb_draft_panel_set_settings    (BbDraftPanel *self,
                                              BbSettings   *settings);
BbDraftStore *bb_draft_panel_get_store       (BbDraftPanel *self);
void          bb_draft_panel_set_store       (BbDraftPanel *self,
                                              BbDraftStore *store);
void          bb_draft_panel_set_target      (BbDraftPanel *self,
                                              BbBounce     *bounce,
                                              BbRecipient  *recipient);
const char   *bb_draft_panel_get_template_id (BbDraftPanel *self);
void          bb_draft_panel_use_contact     (BbDraftPanel *self,
                                              const char   *address);
BbDraft      *bb_draft_panel_dup_draft       (BbDraftPanel *self);
gboolean      bb_draft_panel_copy            (BbDraftPanel *self);

/* One BbDraftStore per application: see bb-draft-panel.c */
BbDraftStore *bb_draft_panel_get_shared_store (BbSettings   *settings);

G_END_DECLS
