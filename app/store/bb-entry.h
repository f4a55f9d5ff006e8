/* bb-entry.h - one logged bounce: a failed recipient and what the rep did
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BbEntryState:
 * @BB_ENTRY_STATE_NEW: just logged, nobody looked at it yet
 * @BB_ENTRY_STATE_TO_VERIFY: the address must be checked with the client
 * @BB_ENTRY_STATE_RESENT: sent again (to the same or a corrected address)
 * @BB_ENTRY_STATE_RESOLVED: the mail got through in the end
 * @BB_ENTRY_STATE_DEAD: given up: the contact is unreachable
 *
 * The follow-up state.  Allowed changes (bb_entry_state_can_change()):
 * new → to_verify | resent; to_verify → resent; resent → resolved |
 * to_verify (it bounced again); and any state → dead.  Dead is final.
 * Setting the state an entry already has is allowed and changes nothing.
 */
typedef enum
{
  BB_ENTRY_STATE_NEW,
  BB_ENTRY_STATE_TO_VERIFY,
  BB_ENTRY_STATE_RESENT,
  BB_ENTRY_STATE_RESOLVED,
  BB_ENTRY_STATE_DEAD,
} BbEntryState;

#define BB_N_ENTRY_STATES (BB_ENTRY_STATE_DEAD + 1)

#define BB_TYPE_ENTRY_STATE (bb_entry_state_get_type ())
GType        bb_entry_state_get_type    (void) G_GNUC_CONST;

const char  *bb_entry_state_to_string   (BbEntryState  state);
gboolean     bb_entry_state_from_string (const char   *name,
                                         BbEntryState *state);
const char  *bb_entry_state_title       (BbEntryState  state);
gboolean     bb_entry_state_can_change  (BbEntryState  from,
                                         BbEntryState  to);

#define BB_TYPE_ENTRY (bb_entry_get_type ())

G_DECLARE_FINAL_TYPE (BbEntry, bb_entry, BB, ENTRY, GObject)

gint64              bb_entry_get_id                  (BbEntry *self);
char               *bb_entry_dup_key                 (BbEntry *self);
const char         *bb_entry_get_message_sha256      (BbEntry *self);
gboolean            bb_entry_get_has_message         (BbEntry *self);
const char         *bb_entry_get_address             (BbEntry *self);
const char         *bb_entry_get_domain              (BbEntry *self);
const char         *bb_entry_get_status              (BbEntry *self);
const char         *bb_entry_get_reply_code          (BbEntry *self);
const char         *bb_entry_get_reason              (BbEntry *self);
const char         *bb_entry_get_category            (BbEntry *self);
const char         *bb_entry_get_urgency             (BbEntry *self);
const char         *bb_entry_get_side                (BbEntry *self);
gboolean            bb_entry_get_hard_bounce         (BbEntry *self);
const char         *bb_entry_get_provider_id         (BbEntry *self);
const char         *bb_entry_get_provider_code       (BbEntry *self);
const char         *bb_entry_get_diagnostic          (BbEntry *self);
const char         *bb_entry_get_evidence            (BbEntry *self);
const char         *bb_entry_get_subject             (BbEntry *self);
const char         *bb_entry_get_original_date       (BbEntry *self);
const char         *bb_entry_get_original_message_id (BbEntry *self);
const char         *bb_entry_get_original_from       (BbEntry *self);
const char         *bb_entry_get_original_to         (BbEntry *self);
gint64              bb_entry_get_bounced_at          (BbEntry *self);
const char         *bb_entry_get_source              (BbEntry *self);
const char         *bb_entry_get_kind                (BbEntry *self);
gint64              bb_entry_get_created_at          (BbEntry *self);
gint64              bb_entry_get_updated_at          (BbEntry *self);
BbEntryState        bb_entry_get_state               (BbEntry *self);
const char         *bb_entry_get_note                (BbEntry *self);
const char * const *bb_entry_get_tags                (BbEntry *self);
gboolean            bb_entry_has_tag                 (BbEntry *self,
                                                      const char *tag);
char               *bb_entry_dup_bounced_at_iso8601  (BbEntry *self);

G_END_DECLS
