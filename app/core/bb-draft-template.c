/* bb-draft-template.c - one resend template: a subject and a body with
 * {placeholders}
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-draft.h"

#include "bb-draft-private.h"

struct _BbDraftTemplate
{
  GObject parent_instance;

  /* Never NULL once constructed: absent is "" */
  char *id;
  char *name;
  char *subject;
  char *body;
  char *language; /* BB_DRAFT_LANGUAGE_EN or BB_DRAFT_LANGUAGE_ZH_CN */

  /* For a built-in, its default text: the one it was created with, until
   * the store switches it to another language (see
   * _bb_draft_template_set_text()).  "modified" compares against these.
   * NULL for a user template. */
  char *default_name;
  char *default_subject;
  char *default_body;

  gboolean builtin;
  gboolean modified;
};

G_DEFINE_FINAL_TYPE (BbDraftTemplate, bb_draft_template, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUBJECT,
  PROP_BODY,
  PROP_LANGUAGE,
  PROP_BUILTIN,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_modified (BbDraftTemplate *self)
{
  gboolean modified = FALSE;

  /* The defaults are recorded once construction is over. */
  if (self->builtin && self->default_body != NULL)
    modified = g_strcmp0 (self->name, self->default_name) != 0 ||
               g_strcmp0 (self->subject, self->default_subject) != 0 ||
               g_strcmp0 (self->body, self->default_body) != 0;

  if (modified == self->modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Replaces *field with a copy of @value (NULL counts as "") and tells
 * whether anything changed. */
static gboolean
set_string (char      **field,
            const char *value)
{
  if (value == NULL)
    value = "";
  if (*field != NULL && g_str_equal (*field, value))
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
bb_draft_template_constructed (GObject *object)
{
  BbDraftTemplate *self = (BbDraftTemplate *) object;

  G_OBJECT_CLASS (bb_draft_template_parent_class)->constructed (object);

  /* Name, subject and body are construct properties, so they hold the
   * initial text here: for a built-in that text is the default. */
  if (self->builtin)
    {
      self->default_name = g_strdup (self->name);
      self->default_subject = g_strdup (self->subject);
      self->default_body = g_strdup (self->body);
    }
}

static void
bb_draft_template_finalize (GObject *object)
{
  BbDraftTemplate *self = (BbDraftTemplate *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->language);
  g_free (self->default_name);
  g_free (self->default_subject);
  g_free (self->default_body);

  G_OBJECT_CLASS (bb_draft_template_parent_class)->finalize (object);
}

static void
bb_draft_template_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbDraftTemplate *self = BB_DRAFT_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_template_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbDraftTemplate *self = BB_DRAFT_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      set_string (&self->id, g_value_get_string (value));
      break;
    case PROP_NAME:
      bb_draft_template_set_name (self, g_value_get_string (value));
      break;
    case PROP_SUBJECT:
      bb_draft_template_set_subject (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      bb_draft_template_set_body (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      set_string (&self->language, _bb_draft_language_normalize (g_value_get_string (value)));
      break;
    case PROP_BUILTIN:
      self->builtin = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_template_class_init (BbDraftTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bb_draft_template_constructed;
  object_class->finalize = bb_draft_template_finalize;
  object_class->get_property = bb_draft_template_get_property;
  object_class->set_property = bb_draft_template_set_property;

  properties[PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                               G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
      g_param_spec_string ("name", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                               G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
      g_param_spec_string ("subject", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                               G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
      g_param_spec_string ("body", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                               G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The language of the text, BB_DRAFT_LANGUAGE_EN or
   * BB_DRAFT_LANGUAGE_ZH_CN (anything else counts as English): what
   * bb_draft_fill() writes its own words in.  Set when the template is
   * created; a built-in changes it when the store gives it the default
   * text of another language. */
  properties[PROP_LANGUAGE] =
      g_param_spec_string ("language", NULL, NULL, BB_DRAFT_LANGUAGE_EN,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                               G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILTIN] =
      g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_STATIC_STRINGS);
  /* TRUE when a built-in's name, subject or body differs from its
   * default: what bb_draft_store_reset() would undo */
  properties[PROP_MODIFIED] =
      g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_draft_template_init (BbDraftTemplate *self)
{
}

/**
 * bb_draft_template_new:
 * @id: a stable machine name ("mailbox-full", "custom-1")
 * @name: the name shown to the rep (translated for a built-in)
 * @subject: the subject, with {placeholders}
 * @body: the body, with {placeholders}
 * @builtin: whether this is one of the built-ins; if so @name, @subject
 *   and @body are its defaults, which #BbDraftTemplate:modified compares
 *   with
 *
 * The template is in English; a template in another language is made
 * with g_object_new() and its "language" property.
 *
 * Returns: (transfer full): a new template
 */
BbDraftTemplate *
bb_draft_template_new (const char *id,
                       const char *name,
                       const char *subject,
                       const char *body,
                       gboolean    builtin)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (BB_TYPE_DRAFT_TEMPLATE,
                       "id", id,
                       "name", name,
                       "subject", subject,
                       "body", body,
                       "builtin", builtin,
                       NULL);
}

const char *
bb_draft_template_get_id (BbDraftTemplate *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (self), NULL);

  return self->id;
}

const char *
bb_draft_template_get_name (BbDraftTemplate *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (self), NULL);

  return self->name;
}

const char *
bb_draft_template_get_subject (BbDraftTemplate *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (self), NULL);

  return self->subject;
}

const char *
bb_draft_template_get_body (BbDraftTemplate *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (self), NULL);

  return self->body;
}

/**
 * bb_draft_template_get_language:
 * @self: a #BbDraftTemplate
 *
 * Returns: the language of the text, %BB_DRAFT_LANGUAGE_EN or
 *   %BB_DRAFT_LANGUAGE_ZH_CN
 */
const char *
bb_draft_template_get_language (BbDraftTemplate *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (self), NULL);

  return self->language;
}

gboolean
bb_draft_template_get_builtin (BbDraftTemplate *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (self), FALSE);

  return self->builtin;
}

gboolean
bb_draft_template_get_modified (BbDraftTemplate *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_TEMPLATE (self), FALSE);

  return self->modified;
}

void
bb_draft_template_set_name (BbDraftTemplate *self,
                            const char      *name)
{
  g_return_if_fail (BB_IS_DRAFT_TEMPLATE (self));

  if (!set_string (&self->name, name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  update_modified (self);
}

void
bb_draft_template_set_subject (BbDraftTemplate *self,
                               const char      *subject)
{
  g_return_if_fail (BB_IS_DRAFT_TEMPLATE (self));

  if (!set_string (&self->subject, subject))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
  update_modified (self);
}

void
bb_draft_template_set_body (BbDraftTemplate *self,
                            const char      *body)
{
  g_return_if_fail (BB_IS_DRAFT_TEMPLATE (self));

  if (!set_string (&self->body, body))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
  update_modified (self);
}

/**
 * _bb_draft_language_normalize:
 * @language: (nullable): a language code
 *
 * Returns: %BB_DRAFT_LANGUAGE_ZH_CN for "zh_CN", else %BB_DRAFT_LANGUAGE_EN
 */
const char *
_bb_draft_language_normalize (const char *language)
{
  if (g_strcmp0 (language, BB_DRAFT_LANGUAGE_ZH_CN) == 0)
    return BB_DRAFT_LANGUAGE_ZH_CN;

  return BB_DRAFT_LANGUAGE_EN;
}

/* Replaces *field with a copy of @value and notifies @prop if it
 * changed. */
static void
update_string (BbDraftTemplate *self,
               char           **field,
               const char      *value,
               guint            prop)
{
  if (set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * _bb_draft_template_set_text:
 * @self: a built-in #BbDraftTemplate
 * @language: the language of @default_subject and @default_body
 * @default_subject: the built-in's default subject in @language
 * @default_body: the built-in's default body in @language
 * @name: (nullable): the name, or %NULL for the default name
 * @subject: (nullable): the subject, or %NULL for @default_subject
 * @body: (nullable): the body, or %NULL for @default_body
 *
 * Gives a built-in new defaults and new text at once.  The
 * notifications wait until everything is set, so a handler never sees
 * half of the change, and "modified" is worked out once: it notifies
 * only if it really changed.
 */
void
_bb_draft_template_set_text (BbDraftTemplate *self,
                             const char      *language,
                             const char      *default_subject,
                             const char      *default_body,
                             const char      *name,
                             const char      *subject,
                             const char      *body)
{
  g_return_if_fail (BB_IS_DRAFT_TEMPLATE (self));
  g_return_if_fail (self->builtin);
  g_return_if_fail (default_subject != NULL && default_body != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  set_string (&self->default_subject, default_subject);
  set_string (&self->default_body, default_body);
  update_string (self, &self->language, _bb_draft_language_normalize (language), PROP_LANGUAGE);
  update_string (self, &self->name, name != NULL ? name : self->default_name, PROP_NAME);
  update_string (self, &self->subject, subject != NULL ? subject : default_subject, PROP_SUBJECT);
  update_string (self, &self->body, body != NULL ? body : default_body, PROP_BODY);
  update_modified (self);

  g_object_thaw_notify (G_OBJECT (self));
}
