/* bb-diagnosis-view-private.h - what the tests look at inside the page
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-diagnosis-view.h"
#include "bb-draft-panel.h"

G_BEGIN_DECLS

typedef enum
{
  BB_DIAGNOSIS_PART_STATUS_TITLE,       /* GtkLabel: non-bounce title */
  BB_DIAGNOSIS_PART_STATUS_DESCRIPTION, /* GtkLabel: non-bounce message */
  BB_DIAGNOSIS_PART_ADDRESS,            /* GtkLabel: the failed address */
  BB_DIAGNOSIS_PART_TYPO,               /* GtkLabel: "Did you mean …?" */
  BB_DIAGNOSIS_PART_BOUNCE_BADGE,       /* GtkLabel: hard / soft bounce */
  BB_DIAGNOSIS_PART_URGENCY_BADGE,      /* GtkLabel */
  BB_DIAGNOSIS_PART_HEADLINE,           /* GtkLabel: category title */
  BB_DIAGNOSIS_PART_SIDE_ROW,           /* AdwActionRow */
  BB_DIAGNOSIS_PART_REPLY_CODE_ROW,     /* AdwActionRow */
  BB_DIAGNOSIS_PART_REPLY_CODE_CHIP,    /* GtkLabel */
  BB_DIAGNOSIS_PART_STATUS_CODE_ROW,    /* AdwActionRow */
  BB_DIAGNOSIS_PART_STATUS_CODE_CHIP,   /* GtkLabel */
  BB_DIAGNOSIS_PART_SERVER_WORDS,       /* GtkLabel, Pango markup */
  BB_DIAGNOSIS_PART_STEPS_LIST,         /* GtkListBox */
  BB_DIAGNOSIS_PART_EXPLANATION,        /* GtkLabel */
  BB_DIAGNOSIS_PART_HINTS_LIST,         /* GtkListBox */
  BB_DIAGNOSIS_PART_PROVIDER_ROW,       /* AdwActionRow */
  BB_DIAGNOSIS_PART_SENDER_ROW,         /* AdwActionRow */
  BB_DIAGNOSIS_PART_ORIGINAL_SUBJECT_ROW, /* AdwActionRow */
  BB_DIAGNOSIS_PART_ATTACHMENTS_LIST,   /* GtkListBox */
  BB_DIAGNOSIS_PART_DRAFT_PANEL,        /* BbDraftPanel */
  BB_DIAGNOSIS_PART_CHECK_PANEL,        /* BbCheckPanel */
} BbDiagnosisPart;

GtkWidget *_bb_diagnosis_view_get_part     (BbDiagnosisView *self,
                                            BbDiagnosisPart  part);
char      *_bb_diagnosis_view_markup_quote (const char      *text,
                                            const char      *evidence);

G_END_DECLS
