/* bb-settings.c - the application's settings as typed properties
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One object wraps GSettings (as GNOME Console's KgxSettings does): every
 * key is bound to a property of the same name, the window and the
 * preferences bind to those properties, and nothing else in the program
 * reads GSettings.  When the schema is not installed (an uninstalled
 * build run without GSETTINGS_SCHEMA_DIR) the object still works, with
 * the defaults, but remembers nothing.
 */

#include "config.h"

#include "bb-settings.h"

#define MIN_WIDTH 360
#define MIN_HEIGHT 294

struct _BbSettings
{
  GObject parent_instance;

  /* owned */
  GSettings *settings;
  char      *sender_name;
  char      *sender_company;
  char      *sender_address;
  char      *sender_signature;
  char      *draft_language;
  char      *last_folder;
  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  int        sent_count;
  int        sent_period_days;
  int        retry_after_hours;
};

G_DEFINE_FINAL_TYPE (BbSettings, bb_settings, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_SENDER_NAME,
  PROP_SENDER_COMPANY,
  PROP_SENDER_ADDRESS,
  PROP_SENDER_SIGNATURE,
  PROP_DRAFT_LANGUAGE,
  PROP_LAST_FOLDER,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_SENT_COUNT,
  PROP_SENT_PERIOD_DAYS,
  PROP_RETRY_AFTER_HOURS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets *field to @value (NULL counts as "") and notifies @prop, only when
 * the value changes. */
static void
set_string (BbSettings *self,
            char      **field,
            const char *value,
            guint       prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int (BbSettings *self,
         int        *field,
         int         value,
         guint       prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
bb_settings_constructed (GObject *object)
{
  BbSettings *self = BB_SETTINGS (object);
  g_autoptr (GSettingsSchema) schema = NULL;

  G_OBJECT_CLASS (bb_settings_parent_class)->constructed (object);

  if (self->settings == NULL)
    return;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  for (guint i = PROP_SENDER_NAME; i < N_PROPS; i++)
    {
      const char *key = g_param_spec_get_name (properties[i]);

      /* A key missing from the schema is a packaging mistake: say so
       * instead of letting g_settings_bind() abort. */
      if (!g_settings_schema_has_key (schema, key))
        {
          g_warning ("The settings schema %s has no key “%s”",
                     g_settings_schema_get_id (schema), key);
          continue;
        }
      g_settings_bind (self->settings, key, self, key, G_SETTINGS_BIND_DEFAULT);
    }
}

static void
bb_settings_finalize (GObject *object)
{
  BbSettings *self = BB_SETTINGS (object);

  g_clear_object (&self->settings);
  g_free (self->sender_name);
  g_free (self->sender_company);
  g_free (self->sender_address);
  g_free (self->sender_signature);
  g_free (self->draft_language);
  g_free (self->last_folder);

  G_OBJECT_CLASS (bb_settings_parent_class)->finalize (object);
}

static void
bb_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BbSettings *self = BB_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SENDER_NAME:
      g_value_set_string (value, self->sender_name);
      break;
    case PROP_SENDER_COMPANY:
      g_value_set_string (value, self->sender_company);
      break;
    case PROP_SENDER_ADDRESS:
      g_value_set_string (value, self->sender_address);
      break;
    case PROP_SENDER_SIGNATURE:
      g_value_set_string (value, self->sender_signature);
      break;
    case PROP_DRAFT_LANGUAGE:
      g_value_set_string (value, self->draft_language);
      break;
    case PROP_LAST_FOLDER:
      g_value_set_string (value, self->last_folder);
      break;
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;
    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;
    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;
    case PROP_SENT_COUNT:
      g_value_set_int (value, self->sent_count);
      break;
    case PROP_SENT_PERIOD_DAYS:
      g_value_set_int (value, self->sent_period_days);
      break;
    case PROP_RETRY_AFTER_HOURS:
      g_value_set_int (value, self->retry_after_hours);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BbSettings *self = BB_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SENDER_NAME:
      bb_settings_set_sender_name (self, g_value_get_string (value));
      break;
    case PROP_SENDER_COMPANY:
      bb_settings_set_sender_company (self, g_value_get_string (value));
      break;
    case PROP_SENDER_ADDRESS:
      bb_settings_set_sender_address (self, g_value_get_string (value));
      break;
    case PROP_SENDER_SIGNATURE:
      bb_settings_set_sender_signature (self, g_value_get_string (value));
      break;
    case PROP_DRAFT_LANGUAGE:
      bb_settings_set_draft_language (self, g_value_get_string (value));
      break;
    case PROP_LAST_FOLDER:
      bb_settings_set_last_folder (self, g_value_get_string (value));
      break;
    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, MAX (g_value_get_int (value), MIN_WIDTH),
               PROP_WINDOW_WIDTH);
      break;
    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, MAX (g_value_get_int (value), MIN_HEIGHT),
               PROP_WINDOW_HEIGHT);
      break;
    case PROP_WINDOW_MAXIMIZED:
      set_int (self, &self->window_maximized, !!g_value_get_boolean (value),
               PROP_WINDOW_MAXIMIZED);
      break;
    case PROP_SENT_COUNT:
      bb_settings_set_sent_count (self, g_value_get_int (value));
      break;
    case PROP_SENT_PERIOD_DAYS:
      bb_settings_set_sent_period_days (self, g_value_get_int (value));
      break;
    case PROP_RETRY_AFTER_HOURS:
      bb_settings_set_retry_after_hours (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_settings_class_init (BbSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = bb_settings_constructed;
  object_class->finalize = bb_settings_finalize;
  object_class->get_property = bb_settings_get_property;
  object_class->set_property = bb_settings_set_property;

  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SENDER_NAME] =
      g_param_spec_string ("sender-name", NULL, NULL, "", flags);
  properties[PROP_SENDER_COMPANY] =
      g_param_spec_string ("sender-company", NULL, NULL, "", flags);
  properties[PROP_SENDER_ADDRESS] =
      g_param_spec_string ("sender-address", NULL, NULL, "", flags);
  properties[PROP_SENDER_SIGNATURE] =
      g_param_spec_string ("sender-signature", NULL, NULL, "", flags);
  properties[PROP_DRAFT_LANGUAGE] =
      g_param_spec_string ("draft-language", NULL, NULL, "en", flags);
  properties[PROP_LAST_FOLDER] =
      g_param_spec_string ("last-folder", NULL, NULL, "", flags);
  properties[PROP_WINDOW_WIDTH] =
      g_param_spec_int ("window-width", NULL, NULL, MIN_WIDTH, G_MAXINT, 1000, flags);
  properties[PROP_WINDOW_HEIGHT] =
      g_param_spec_int ("window-height", NULL, NULL, MIN_HEIGHT, G_MAXINT, 720, flags);
  properties[PROP_WINDOW_MAXIMIZED] =
      g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE, flags);
  /* The Insights page's bounce rate: emails sent in the last
   * sent-period-days days */
  properties[PROP_SENT_COUNT] =
      g_param_spec_int ("sent-count", NULL, NULL, 0, BB_SETTINGS_MAX_SENT_COUNT, 0, flags);
  properties[PROP_SENT_PERIOD_DAYS] =
      g_param_spec_int ("sent-period-days", NULL, NULL, 1, 365, 30, flags);
  /* The Follow-up page: soft bounces are due for a retry this many hours
   * after they bounced */
  properties[PROP_RETRY_AFTER_HOURS] =
      g_param_spec_int ("retry-after-hours", NULL, NULL, BB_SETTINGS_MIN_RETRY_AFTER_HOURS,
                        BB_SETTINGS_MAX_RETRY_AFTER_HOURS, 24, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_settings_init (BbSettings *self)
{
  self->sender_name = g_strdup ("");
  self->sender_company = g_strdup ("");
  self->sender_address = g_strdup ("");
  self->sender_signature = g_strdup ("");
  self->draft_language = g_strdup ("en");
  self->last_folder = g_strdup ("");
  self->window_width = 1000;
  self->window_height = 720;
  self->sent_period_days = 30;
  self->retry_after_hours = 24;
}

/**
 * bb_settings_new:
 *
 * The settings of the schema APP_ID, or defaults that are not saved when
 * that schema is not installed.
 *
 * Returns: (transfer full): a new #BbSettings
 */
BbSettings *
bb_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: settings will not be saved", APP_ID);
      return g_object_new (BB_TYPE_SETTINGS, NULL);
    }
  settings = g_settings_new_full (schema, NULL, NULL);
  return bb_settings_new_for_settings (settings);
}

/**
 * bb_settings_new_for_settings:
 * @settings: (nullable): the GSettings to wrap (tests pass one with a
 *   memory backend), or %NULL for unsaved defaults
 *
 * Returns: (transfer full): a new #BbSettings
 */
BbSettings *
bb_settings_new_for_settings (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (BB_TYPE_SETTINGS, "settings", settings, NULL);
}

/**
 * bb_settings_get_settings:
 *
 * Returns: (transfer none) (nullable): the wrapped GSettings, for
 *   g_settings_create_action(); %NULL when the schema is not installed
 */
GSettings *
bb_settings_get_settings (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), NULL);

  return self->settings;
}

const char *
bb_settings_get_sender_name (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), NULL);

  return self->sender_name;
}

void
bb_settings_set_sender_name (BbSettings *self,
                             const char *value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_string (self, &self->sender_name, value, PROP_SENDER_NAME);
}

const char *
bb_settings_get_sender_company (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), NULL);

  return self->sender_company;
}

void
bb_settings_set_sender_company (BbSettings *self,
                                const char *value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_string (self, &self->sender_company, value, PROP_SENDER_COMPANY);
}

const char *
bb_settings_get_sender_address (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), NULL);

  return self->sender_address;
}

void
bb_settings_set_sender_address (BbSettings *self,
                                const char *value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_string (self, &self->sender_address, value, PROP_SENDER_ADDRESS);
}

const char *
bb_settings_get_sender_signature (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), NULL);

  return self->sender_signature;
}

void
bb_settings_set_sender_signature (BbSettings *self,
                                  const char *value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_string (self, &self->sender_signature, value, PROP_SENDER_SIGNATURE);
}

const char *
bb_settings_get_draft_language (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), NULL);

  return self->draft_language;
}

/* Only the two languages the drafts are written in; anything else means
 * English. */
void
bb_settings_set_draft_language (BbSettings *self,
                                const char *value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  if (g_strcmp0 (value, "zh_CN") != 0)
    value = "en";
  set_string (self, &self->draft_language, value, PROP_DRAFT_LANGUAGE);
}

const char *
bb_settings_get_last_folder (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), NULL);

  return self->last_folder;
}

void
bb_settings_set_last_folder (BbSettings *self,
                             const char *value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_string (self, &self->last_folder, value, PROP_LAST_FOLDER);
}

int
bb_settings_get_window_width (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), MIN_WIDTH);

  return self->window_width;
}

int
bb_settings_get_window_height (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), MIN_HEIGHT);

  return self->window_height;
}

gboolean
bb_settings_get_window_maximized (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), FALSE);

  return self->window_maximized;
}

/**
 * bb_settings_set_window_state:
 * @width: the unmaximised width (at least 360)
 * @height: the unmaximised height (at least 294)
 *
 * Remembers the main window's size, once, when it closes.
 */
void
bb_settings_set_window_state (BbSettings *self,
                              int         width,
                              int         height,
                              gboolean    maximized)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_int (self, &self->window_width, MAX (width, MIN_WIDTH), PROP_WINDOW_WIDTH);
  set_int (self, &self->window_height, MAX (height, MIN_HEIGHT), PROP_WINDOW_HEIGHT);
  set_int (self, &self->window_maximized, !!maximized, PROP_WINDOW_MAXIMIZED);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * bb_settings_get_identity:
 * @identity: (out caller-allocates): filled with borrowed strings, valid
 *   until the settings change
 *
 * The rep's identity for drafts; empty fields are %NULL.
 */
void
bb_settings_get_identity (BbSettings       *self,
                          BbSenderIdentity *identity)
{
  g_return_if_fail (BB_IS_SETTINGS (self));
  g_return_if_fail (identity != NULL);

#define NONEMPTY(s) ((s) != NULL && (s)[0] != '\0' ? (s) : NULL)
  identity->name = NONEMPTY (self->sender_name);
  identity->company = NONEMPTY (self->sender_company);
  identity->signature = NONEMPTY (self->sender_signature);
  identity->address = NONEMPTY (self->sender_address);
#undef NONEMPTY
}

int
bb_settings_get_sent_count (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), 0);

  return self->sent_count;
}

void
bb_settings_set_sent_count (BbSettings *self,
                            int         value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_int (self, &self->sent_count, CLAMP (value, 0, BB_SETTINGS_MAX_SENT_COUNT), PROP_SENT_COUNT);
}

int
bb_settings_get_sent_period_days (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), 30);

  return self->sent_period_days;
}

void
bb_settings_set_sent_period_days (BbSettings *self,
                                  int         value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_int (self, &self->sent_period_days, CLAMP (value, 1, 365), PROP_SENT_PERIOD_DAYS);
}

int
bb_settings_get_retry_after_hours (BbSettings *self)
{
  g_return_val_if_fail (BB_IS_SETTINGS (self), 24);

  return self->retry_after_hours;
}

void
bb_settings_set_retry_after_hours (BbSettings *self,
                                   int         value)
{
  g_return_if_fail (BB_IS_SETTINGS (self));

  set_int (self, &self->retry_after_hours,
           CLAMP (value, BB_SETTINGS_MIN_RETRY_AFTER_HOURS, BB_SETTINGS_MAX_RETRY_AFTER_HOURS),
           PROP_RETRY_AFTER_HOURS);
}
