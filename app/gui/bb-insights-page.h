/* bb-insights-page.h - figures about the bounce log: bounces over time by
 * category, the domains and providers that bounce most, the bounce rate
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-settings.h"
#include "bb-store.h"

G_BEGIN_DECLS

#define BB_TYPE_INSIGHTS_PAGE (bb_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (BbInsightsPage, bb_insights_page, BB, INSIGHTS_PAGE, AdwBin)

GtkWidget  *bb_insights_page_new          (BbStore        *store);
BbStore    *bb_insights_page_get_store    (BbInsightsPage *self);
void        bb_insights_page_set_store    (BbInsightsPage *self,
                                           BbStore        *store);
BbSettings *bb_insights_page_get_settings (BbInsightsPage *self);
void        bb_insights_page_set_settings (BbInsightsPage *self,
                                           BbSettings     *settings);
void        bb_insights_page_refresh      (BbInsightsPage *self);

G_END_DECLS
