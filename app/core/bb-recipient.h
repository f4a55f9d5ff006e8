/* bb-recipient.h - one failed (or reported) recipient of a bounce
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-enums.h"
#include "bb-provider.h"

G_BEGIN_DECLS

#define BB_TYPE_RECIPIENT (bb_recipient_get_type ())

G_DECLARE_FINAL_TYPE (BbRecipient, bb_recipient, BB, RECIPIENT, GObject)

const char       *bb_recipient_get_address         (BbRecipient *self);
const char       *bb_recipient_get_status          (BbRecipient *self);
const char       *bb_recipient_get_reply_code      (BbRecipient *self);
const char       *bb_recipient_get_diagnostic      (BbRecipient *self);
const char       *bb_recipient_get_diagnostic_type (BbRecipient *self);
const char       *bb_recipient_get_action          (BbRecipient *self);
const char       *bb_recipient_get_remote_mta      (BbRecipient *self);
const char       *bb_recipient_get_reporting_mta   (BbRecipient *self);
const char       *bb_recipient_get_smtp_command    (BbRecipient *self);
const char       *bb_recipient_get_date            (BbRecipient *self);
const char       *bb_recipient_get_reason          (BbRecipient *self);
gboolean          bb_recipient_get_hard_bounce     (BbRecipient *self);
BbCategory        bb_recipient_get_category        (BbRecipient *self);
BbUrgency         bb_recipient_get_urgency         (BbRecipient *self);
BbSide            bb_recipient_get_side            (BbRecipient *self);
const char       *bb_recipient_get_evidence        (BbRecipient *self);
const BbProvider *bb_recipient_get_provider        (BbRecipient *self);
const char       *bb_recipient_get_provider_code   (BbRecipient *self);
const char       *bb_recipient_get_provider_note   (BbRecipient *self);
const char       *bb_recipient_get_typo_suggestion (BbRecipient *self);
GPtrArray        *bb_recipient_get_blocklists      (BbRecipient *self);
const char       *bb_recipient_get_sending_ip      (BbRecipient *self);

G_END_DECLS
