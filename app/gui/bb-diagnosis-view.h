/* bb-diagnosis-view.h - one recipient of one bounce, explained
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

#define BB_TYPE_DIAGNOSIS_VIEW (bb_diagnosis_view_get_type ())

G_DECLARE_FINAL_TYPE (BbDiagnosisView, bb_diagnosis_view, BB, DIAGNOSIS_VIEW, AdwBin)

GtkWidget    *bb_diagnosis_view_new                 (BbSettings      *settings);
BbBounce     *bb_diagnosis_view_get_bounce          (BbDiagnosisView *self);
guint         bb_diagnosis_view_get_recipient_index (BbDiagnosisView *self);
void          bb_diagnosis_view_set_bounce          (BbDiagnosisView *self,
                                                     BbBounce        *bounce,
                                                     guint            recipient_index);
gboolean      bb_diagnosis_view_get_has_draft       (BbDiagnosisView *self);
BbSettings   *bb_diagnosis_view_get_settings        (BbDiagnosisView *self);
BbDraftStore *bb_diagnosis_view_get_draft_store     (BbDiagnosisView *self);
void          bb_diagnosis_view_warm_up             (BbDiagnosisView *self,
                                                     BbBounce        *sample,
                                                     int              width);

G_END_DECLS
