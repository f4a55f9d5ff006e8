/* bb-application.h - the application
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-settings.h"

G_BEGIN_DECLS

#define BB_TYPE_APPLICATION (bb_application_get_type ())

G_DECLARE_FINAL_TYPE (BbApplication, bb_application, BB, APPLICATION, AdwApplication)

BbApplication *bb_application_new          (void);
BbSettings    *bb_application_get_settings (BbApplication *self);

G_END_DECLS
