/* bb-classify.h - decide the reason, hard/soft, category, urgency and side
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-bounce.h"
#include "bb-match.h"
#include "bb-recipient.h"

G_BEGIN_DECLS

const char *bb_classify_status_reason (const char *status);

void        bb_classify_recipient   (BbBounce    *bounce,
                                     BbRecipient *recipient,
                                     const char  *context);

G_END_DECLS
