/* bb-provider-codes.h - provider-specific codes found in server replies
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-enums.h"
#include "bb-match.h"
#include "bb-provider.h"

G_BEGIN_DECLS

/**
 * BbProviderCode:
 * @provider_id: the provider whose servers use it ("microsoft", …)
 * @needle: lower-case text to look for in the lower-cased diagnostic
 * @code: the code to show ("S3150", "DT:SPM", "5.7.515" …)
 * @reason: the Sisimai reason it implies, or %NULL to leave the reason alone
 * @category: the user-facing category, or %BB_CATEGORY_UNKNOWN
 * @side: whose side must act, or %BB_SIDE_UNKNOWN
 * @note: untranslated msgid: the provider-specific meaning and advice
 */
typedef struct
{
  const char *provider_id;
  const char *needle;
  const char *code;
  const char *reason;
  BbCategory  category;
  BbSide      side;
  const char *note;
} BbProviderCode;

const BbProviderCode *bb_provider_code_match (const BbProvider *provider,
                                              const char       *diagnostic_lower);
const BbProviderCode *bb_provider_code_match_text (const BbProvider  *provider,
                                                   const BbMatchText *mt);

G_END_DECLS
