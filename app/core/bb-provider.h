/* bb-provider.h - mail providers recognised on either side of a bounce
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BbProvider:
 * @id: stable machine name ("google", "microsoft", "netease", …)
 * @name: display name, untranslated (use bb_provider_get_display_name())
 * @personal: %TRUE for a free personal mailbox service (qq.com, 163.com,
 *   gmail.com …) as opposed to a business service or a company server
 *
 * Providers live in a static table and are never freed.
 */
typedef struct
{
  const char *id;
  const char *name;
  gboolean    personal;
} BbProvider;

const BbProvider *bb_provider_lookup_id           (const char *id);
const BbProvider *bb_provider_for_host            (const char *host);
const BbProvider *bb_provider_for_domain          (const char *domain);
const char       *bb_provider_get_display_name    (const BbProvider *provider);
const BbProvider *bb_provider_company_server      (void);

G_END_DECLS
