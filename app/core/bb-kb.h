/* bb-kb.h - the knowledge base: what codes and reasons mean, in plain words
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-enums.h"

G_BEGIN_DECLS

/**
 * BbReasonInfo:
 * @reason: the Sisimai v5 reason name ("userunknown", …)
 * @category: the user-facing category the reason normally falls in
 * @urgency: how soon the rep should act
 * @side: whose side must act
 * @headline: one short sentence, e.g. "The address does not exist"
 * @explanation: two or three plain sentences for a non-technical reader
 * @steps: %NULL-terminated numbered next steps
 *
 * All strings are untranslated msgids marked with N_(); pass them through
 * bb_kb_gettext() (or use the accessors below, which do).
 */
typedef struct
{
  const char *reason;
  BbCategory  category;
  BbUrgency   urgency;
  BbSide      side;
  const char *headline;
  const char *explanation;
  const char *steps[8];
} BbReasonInfo;

const char         *bb_kb_gettext                  (const char *msgid);

const BbReasonInfo *bb_kb_reason_info              (const char *reason);
const char * const *bb_kb_reasons                  (void);

/* Enhanced status codes (RFC 3463 / RFC 5248 / IANA registry).  @status is
 * "C.S.D" with C in 2, 4, 5; lookups fall back from the exact code to
 * "X.S.D" and then to the class.  Return translated text or %NULL. */
const char         *bb_kb_status_title             (const char *status);
const char         *bb_kb_status_explanation       (const char *status);
gboolean            bb_kb_status_is_registered     (const char *status);

/* SMTP reply codes (RFC 5321 and common practice): 421, 450, 550 … */
const char         *bb_kb_reply_code_title         (const char *reply_code);
const char         *bb_kb_reply_code_explanation   (const char *reply_code);

/* Category headlines, e.g. "The address does not exist" (translated) */
const char         *bb_kb_category_title           (BbCategory category);
const char         *bb_kb_urgency_title            (BbUrgency urgency);
const char         *bb_kb_side_title               (BbSide side);
const char         *bb_kb_side_explanation         (BbSide side);

G_END_DECLS
