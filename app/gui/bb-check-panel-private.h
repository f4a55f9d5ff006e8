/* bb-check-panel-private.h - what the tests look at inside the panel
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-check-panel.h"

G_BEGIN_DECLS

AdwActionRow        *_bb_check_panel_get_domain_row      (BbCheckPanel *self);
AdwPreferencesGroup *_bb_check_panel_get_blocklist_group (BbCheckPanel *self);
AdwPreferencesGroup *_bb_check_panel_get_contacts_group  (BbCheckPanel *self);
AdwEntryRow         *_bb_check_panel_get_site_row        (BbCheckPanel *self);

G_END_DECLS
