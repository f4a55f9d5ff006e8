/* bb-draft-private.h - what the template store needs of a template
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-draft.h"

G_BEGIN_DECLS

const char *_bb_draft_language_normalize  (const char      *language);

void        _bb_draft_template_set_text   (BbDraftTemplate *self,
                                           const char      *language,
                                           const char      *default_subject,
                                           const char      *default_body,
                                           const char      *name,
                                           const char      *subject,
                                           const char      *body);

G_END_DECLS
