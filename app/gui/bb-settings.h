/* bb-settings.h - the application's settings as typed properties
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-draft.h"

G_BEGIN_DECLS

#define BB_TYPE_SETTINGS (bb_settings_get_type ())

/* The schema's upper bound for "sent-count" */
#define BB_SETTINGS_MAX_SENT_COUNT 100000000
/* The schema's bounds for "retry-after-hours" */
#define BB_SETTINGS_MIN_RETRY_AFTER_HOURS 24
#define BB_SETTINGS_MAX_RETRY_AFTER_HOURS 168

G_DECLARE_FINAL_TYPE (BbSettings, bb_settings, BB, SETTINGS, GObject)

/* Properties, one per GSettings key of the schema APP_ID:
 *   "sender-name", "sender-company", "sender-address", "sender-signature",
 *   "draft-language" ("en" or "zh_CN"), "last-folder"   (strings)
 *   "window-width", "window-height"                      (int)
 *   "window-maximized"                                   (boolean)
 *   "sent-count", "sent-period-days"                     (int: the
 *     Insights page's emails sent in the last N days)
 *   "retry-after-hours"                                  (int: the
 *     Follow-up page's delay before a soft bounce is retried)
 * Each notifies only when its value really changes. */

BbSettings *bb_settings_new                  (void);
BbSettings *bb_settings_new_for_settings     (GSettings  *settings);
GSettings  *bb_settings_get_settings         (BbSettings *self);

const char *bb_settings_get_sender_name      (BbSettings *self);
void        bb_settings_set_sender_name      (BbSettings *self,
                                              const char *value);
const char *bb_settings_get_sender_company   (BbSettings *self);
void        bb_settings_set_sender_company   (BbSettings *self,
                                              const char *value);
const char *bb_settings_get_sender_address   (BbSettings *self);
void        bb_settings_set_sender_address   (BbSettings *self,
                                              const char *value);
const char *bb_settings_get_sender_signature (BbSettings *self);
void        bb_settings_set_sender_signature (BbSettings *self,
                                              const char *value);
const char *bb_settings_get_draft_language   (BbSettings *self);
void        bb_settings_set_draft_language   (BbSettings *self,
                                              const char *value);
const char *bb_settings_get_last_folder      (BbSettings *self);
void        bb_settings_set_last_folder      (BbSettings *self,
                                              const char *value);
int         bb_settings_get_window_width     (BbSettings *self);
int         bb_settings_get_window_height    (BbSettings *self);
gboolean    bb_settings_get_window_maximized (BbSettings *self);
void        bb_settings_set_window_state     (BbSettings *self,
                                              int         width,
                                              int         height,
                                              gboolean    maximized);

int         bb_settings_get_sent_count       (BbSettings *self);
void        bb_settings_set_sent_count       (BbSettings *self,
                                              int         value);
int         bb_settings_get_sent_period_days (BbSettings *self);
void        bb_settings_set_sent_period_days (BbSettings *self,
                                              int         value);
int         bb_settings_get_retry_after_hours (BbSettings *self);
void        bb_settings_set_retry_after_hours (BbSettings *self,
                                               int         value);

void        bb_settings_get_identity         (BbSettings       *self,
                                              BbSenderIdentity *identity);

G_END_DECLS
