/* bb-advice.h - numbered next steps fitted to the bounce and the sender
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-bounce.h"

G_BEGIN_DECLS

GPtrArray *bb_advice_steps       (BbBounce    *bounce,
                                  BbRecipient *recipient);
char      *bb_advice_explanation (BbBounce    *bounce,
                                  BbRecipient *recipient);
char      *bb_content_hint_describe (const BbContentHint *hint);

G_END_DECLS
