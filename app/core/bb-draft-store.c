/* bb-draft-store.c - the built-in resend templates and the user's own,
 * kept in a key file
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-draft.h"

#include "bb-draft-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* Languages.  Each built-in has a default text per draft language.  A
 * built-in whose subject and body are still the defaults follows the
 * store's "language": switching it swaps the text, and the template is
 * not "modified" by that.  Once the rep rewrote the subject or the body,
 * the template keeps that text and the language it was written in (its
 * own "language"), whatever the store's language becomes; resetting it
 * gives it the default text of the store's language.  The name is not
 * part of this: it is the rep's to read, so it follows the user
 * interface (gettext), not the draft language.
 *
 * The file holds one group per template that differs from the defaults:
 *
 *   [mailbox-full]          an edited built-in: only the changed keys
 *   Name=…                  (only when the rep renamed it)
 *   Subject=…               (compared with the defaults of the
 *   Language=zh_CN           template's language, which is saved with
 *                            them)
 *
 *   [custom-1]              a user template, in list order
 *   Name=Price follow-up
 *   Subject=…
 *   Body=…
 *   Language=en
 *
 * Keys missing from a built-in's group keep the default, so unedited
 * fields follow improvements of the defaults in later versions.  A
 * Subject or Body without Language (files from before the Chinese
 * templates) is English.  A built-in with no Subject and no Body follows
 * the store's language after loading.  (A built-in the rep rewrote in
 * one language and then edited back to exactly its defaults keeps that
 * language until the next switch or load, when it follows the store
 * again.) */
#define KEY_NAME "Name"
#define KEY_SUBJECT "Subject"
#define KEY_BODY "Body"
#define KEY_LANGUAGE "Language"

#define CUSTOM_PREFIX "custom-"

#define SIGNATURE_BLOCK \
  "Best regards,\n"     \
  "{my_name}\n"         \
  "{my_company}\n"      \
  "{signature}\n"

/* 此致 / 敬礼！ is the formal close of a Chinese business letter; the
 * name and company follow after a blank line. */
#define SIGNATURE_BLOCK_ZH "此致\n敬礼！\n\n{my_name}\n{my_company}\n{signature}\n"

/* The bodies go to clients: they are data picked by the store's
 * language, not marked for translation, and never follow the user
 * interface's language.  Only the names, which the rep reads, are
 * translated.  Each paragraph is one line, so the client's mail program
 * wraps it; a line whose placeholders all come out empty is left out of
 * the draft (see bb_draft_fill()). */
typedef struct
{
  const char *subject;
  const char *body;
} BuiltinText;

typedef struct
{
  const char *id;
  const char *name;
  BuiltinText en;
  BuiltinText zh_cn;
} Builtin;

static const Builtin builtins[] = {
  {
      BB_DRAFT_MAILBOX_FULL,
      /* Translators: the name of a built-in resend template */
      N_ ("Mailbox full: resend with key points"),
      {
          "Resending: {original_subject} - Mailbox Full Notification",
          "{greeting}\n"
          "\n"
          "KEY POINTS:\n"
          "{key_points}\n"
          "\n"
          "My earlier email to {failed_address} was returned to me because your "
          "mailbox was full, so I am sending the key points above in this short "
          "message. When there is space in your mailbox again, please let me know "
          "and I will send the full email with all attachments.\n"
          "\n"
          "Earlier email: {original_subject}\n"
          "Sent on: {original_date}\n"
          "Attachments: {attachments}\n"
          "\n" SIGNATURE_BLOCK,
      },
      {
          "重发：{original_subject}（邮箱已满）",
          "{greeting}\n"
          "\n"
          "要点：\n"
          "{key_points}\n"
          "\n"
          "我之前发往 {failed_address} 的邮件因您的邮箱已满被退回，所以先用这封简短的邮件"
          "把要点发给您。等邮箱有了空间，请告诉我一声，我会把完整的邮件连同全部附件再发一次。\n"
          "\n"
          "原邮件：{original_subject}\n"
          "发送日期：{original_date}\n"
          "附件：{attachments}\n"
          "\n" SIGNATURE_BLOCK_ZH,
      },
  },
  {
      BB_DRAFT_LINK_INSTEAD,
      /* Translators: the name of a built-in resend template */
      N_ ("Too big: send a download link instead"),
      {
          "Resending: {original_subject} (files by download link)",
          "{greeting}\n"
          "\n"
          "I am sorry: my earlier email was too large for your mail server and "
          "was returned to me. This time I am sending the files as a download "
          "link instead of attachments.\n"
          "\n"
          "Download link: {cloud_link}\n"
          "Files: {attachments}\n"
          "Earlier email: {original_subject}\n"
          "Sent on: {original_date}\n"
          "\n"
          "Please let me know if you have any trouble opening the files.\n"
          "\n" SIGNATURE_BLOCK,
      },
      {
          "重发：{original_subject}（文件改用下载链接）",
          "{greeting}\n"
          "\n"
          "很抱歉，我之前发给您的邮件超出了贵方邮件服务器的大小限制，被退了回来。"
          "这次我把文件改为下载链接发送，不再作为附件。\n"
          "\n"
          "下载链接：{cloud_link}\n"
          "文件：{attachments}\n"
          "原邮件：{original_subject}\n"
          "发送日期：{original_date}\n"
          "\n"
          "如果打开文件时遇到任何问题，请随时告诉我。\n"
          "\n" SIGNATURE_BLOCK_ZH,
      },
  },
  {
      BB_DRAFT_ALTERNATE_CONTACT,
      /* Translators: the name of a built-in resend template */
      N_ ("Address not working: ask for another contact"),
      {
          "Please forward: {original_subject}",
          /* Addressed to the company's general mailbox, not to the person */
          "Dear Sir or Madam,\n"
          "\n"
          "My earlier email to {failed_address} did not get through: {reason}.\n"
          "It was meant for {client_name}.\n"
          "\n"
          "Could you please forward this message to the right person in your "
          "company, or let me know their current email address? I will then "
          "send the full details again.\n"
          "\n"
          "Earlier email: {original_subject}\n"
          "Sent on: {original_date}\n"
          "\n"
          "Thank you very much for your help.\n"
          "\n" SIGNATURE_BLOCK,
      },
      {
          "烦请转交：{original_subject}",
          "您好：\n"
          "\n"
          "我之前发往 {failed_address} 的邮件未能送达：{reason}。\n"
          "原收件人：{client_name}\n"
          "\n"
          "能否麻烦您将这封邮件转给贵公司的相关负责人，或者告诉我对方现在的邮箱地址？"
          "我会再把完整的内容发过去。\n"
          "\n"
          "原邮件：{original_subject}\n"
          "发送日期：{original_date}\n"
          "\n"
          "非常感谢您的帮助！\n"
          "\n" SIGNATURE_BLOCK_ZH,
      },
  },
  {
      BB_DRAFT_RETRY_LATER,
      /* Translators: the name of a built-in resend template */
      N_ ("Temporary problem: send again"),
      {
          "Resending: {original_subject}",
          "{greeting}\n"
          "\n"
          "I am sending my earlier email again, as it may not have reached you "
          "the first time.\n"
          "\n"
          "Earlier email: {original_subject}\n"
          "Sent on: {original_date}\n"
          "Attached again: {attachments}\n"
          "\n"
          "{original_text}\n"
          "\n" SIGNATURE_BLOCK,
      },
      {
          "重发：{original_subject}",
          "{greeting}\n"
          "\n"
          "我之前发给您的邮件可能没有送达，现在重新发送一次。\n"
          "\n"
          "原邮件：{original_subject}\n"
          "发送日期：{original_date}\n"
          "重新附上：{attachments}\n"
          "\n"
          "{original_text}\n"
          "\n" SIGNATURE_BLOCK_ZH,
      },
  },
};

static const BuiltinText *
builtin_text (const Builtin *builtin,
              const char    *language)
{
  if (g_str_equal (_bb_draft_language_normalize (language), BB_DRAFT_LANGUAGE_ZH_CN))
    return &builtin->zh_cn;

  return &builtin->en;
}

struct _BbDraftStore
{
  GObject parent_instance;

  /* Owned */
  char      *path;
  GPtrArray *templates; /* BbDraftTemplate: the built-ins, then the user's */
  char      *language;  /* BB_DRAFT_LANGUAGE_EN or BB_DRAFT_LANGUAGE_ZH_CN */
  guint      next_custom;

  /* The last load found a damaged file: keep a copy before the first
   * save replaces it. */
  gboolean keep_damaged;
};

static void bb_draft_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BbDraftStore, bb_draft_store, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bb_draft_store_list_model_init))

enum
{
  PROP_0,
  PROP_PATH,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
bb_draft_store_get_item_type (GListModel *model)
{
  return BB_TYPE_DRAFT_TEMPLATE;
}

static guint
bb_draft_store_get_n_items (GListModel *model)
{
  BbDraftStore *self = BB_DRAFT_STORE (model);

  return self->templates->len;
}

static gpointer
bb_draft_store_get_item (GListModel *model,
                         guint       position)
{
  BbDraftStore *self = BB_DRAFT_STORE (model);

  if (position >= self->templates->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->templates, position));
}

static void
bb_draft_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bb_draft_store_get_item_type;
  iface->get_n_items = bb_draft_store_get_n_items;
  iface->get_item = bb_draft_store_get_item;
}

static void
bb_draft_store_dispose (GObject *object)
{
  BbDraftStore *self = (BbDraftStore *) object;

  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_draft_store_parent_class)->dispose (object);
}

static void
bb_draft_store_finalize (GObject *object)
{
  BbDraftStore *self = (BbDraftStore *) object;

  g_free (self->path);
  g_free (self->language);

  G_OBJECT_CLASS (bb_draft_store_parent_class)->finalize (object);
}

/* The built-ins are made once the construct properties are set, in the
 * store's language. */
static void
bb_draft_store_constructed (GObject *object)
{
  BbDraftStore *self = (BbDraftStore *) object;

  G_OBJECT_CLASS (bb_draft_store_parent_class)->constructed (object);

  g_assert (self->templates->len == 0);
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      const BuiltinText *text = builtin_text (&builtins[i], self->language);

      g_ptr_array_add (self->templates,
                       g_object_new (BB_TYPE_DRAFT_TEMPLATE,
                                     "id", builtins[i].id,
                                     "name", _ (builtins[i].name),
                                     "subject", text->subject,
                                     "body", text->body,
                                     "language", self->language,
                                     "builtin", TRUE,
                                     NULL));
    }
}

static void
bb_draft_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbDraftStore *self = BB_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbDraftStore *self = BB_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_LANGUAGE:
      bb_draft_store_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_draft_store_class_init (BbDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bb_draft_store_constructed;
  object_class->dispose = bb_draft_store_dispose;
  object_class->finalize = bb_draft_store_finalize;
  object_class->get_property = bb_draft_store_get_property;
  object_class->set_property = bb_draft_store_set_property;

  /* The key file that keeps the edits and the user's templates; a store
   * made without one cannot be loaded or saved */
  properties[PROP_PATH] =
      g_param_spec_string ("path", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The language of the built-ins' default text: BB_DRAFT_LANGUAGE_EN or
   * BB_DRAFT_LANGUAGE_ZH_CN (anything else counts as English).  The
   * built-ins whose subject and body the rep has not rewritten follow
   * it; each notifies what changes in it. */
  properties[PROP_LANGUAGE] =
      g_param_spec_string ("language", NULL, NULL, BB_DRAFT_LANGUAGE_EN,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                               G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_draft_store_init (BbDraftStore *self)
{
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->language = g_strdup (BB_DRAFT_LANGUAGE_EN);
  self->next_custom = 1;
}

static const Builtin *
find_builtin (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (builtins[i].id, id))
      return &builtins[i];

  return NULL;
}

static gboolean
find_template (BbDraftStore *self,
               const char   *id,
               guint        *position)
{
  for (guint i = 0; i < self->templates->len; i++)
    {
      BbDraftTemplate *tmpl = g_ptr_array_index (self->templates, i);

      if (g_str_equal (bb_draft_template_get_id (tmpl), id))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The number n of an id "custom-<n>", or 0 */
static guint
custom_number (const char *id)
{
  guint64 n = 0;

  if (!g_str_has_prefix (id, CUSTOM_PREFIX))
    return 0;
  if (!g_ascii_string_to_unsigned (id + strlen (CUSTOM_PREFIX), 10, 1, G_MAXUINT - 1, &n, NULL))
    return 0;

  return (guint) n;
}

/* Whether a built-in's subject and body are the defaults of its own
 * language: then it follows the store's language. */
static gboolean
builtin_text_is_default (BbDraftTemplate *tmpl,
                         const Builtin   *builtin)
{
  const BuiltinText *text = builtin_text (builtin, bb_draft_template_get_language (tmpl));

  return g_str_equal (bb_draft_template_get_subject (tmpl), text->subject) &&
         g_str_equal (bb_draft_template_get_body (tmpl), text->body);
}

/**
 * bb_draft_store_new:
 * @path: the key file that keeps the edits and the user's templates
 *
 * Holds the defaults, in English, until bb_draft_store_load() is called;
 * set the "language" property for another language.
 *
 * Returns: (transfer full): a new store
 */
BbDraftStore *
bb_draft_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (BB_TYPE_DRAFT_STORE, "path", path, NULL);
}

/**
 * bb_draft_store_get_language:
 * @self: a #BbDraftStore
 *
 * Returns: the language of the built-ins' default text
 */
const char *
bb_draft_store_get_language (BbDraftStore *self)
{
  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), NULL);

  return self->language;
}

/**
 * bb_draft_store_set_language:
 * @self: a #BbDraftStore
 * @language: (nullable): %BB_DRAFT_LANGUAGE_EN or
 *   %BB_DRAFT_LANGUAGE_ZH_CN; anything else means English
 *
 * Switches the built-ins whose subject and body are still the defaults
 * to the defaults of @language (their names stay: those follow the user
 * interface).  The built-ins the rep rewrote keep their text and its
 * language, and none becomes "modified".  The list does not change, so
 * there is no "items-changed"; each template notifies what changed in
 * it.  New templates (bb_draft_store_add()) start in @language.
 */
void
bb_draft_store_set_language (BbDraftStore *self,
                             const char   *language)
{
  g_return_if_fail (BB_IS_DRAFT_STORE (self));

  language = _bb_draft_language_normalize (language);
  if (g_str_equal (self->language, language))
    return;

  g_free (self->language);
  self->language = g_strdup (language);

  /* Empty while the construct property is set: constructed() makes the
   * built-ins in this language then. */
  for (guint k = 0; k < G_N_ELEMENTS (builtins) && k < self->templates->len; k++)
    {
      BbDraftTemplate   *tmpl = g_ptr_array_index (self->templates, k);
      const BuiltinText *text = builtin_text (&builtins[k], language);

      if (builtin_text_is_default (tmpl, &builtins[k]))
        _bb_draft_template_set_text (tmpl, language, text->subject, text->body,
                                     bb_draft_template_get_name (tmpl), NULL, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* Reads one optional string key; a missing key gives NULL, any other
 * problem (bad encoding) an error. */
static gboolean
read_key (GKeyFile   *keyfile,
          const char *group,
          const char *key,
          char      **value,
          GError    **error)
{
  g_autoptr (GError) local_error = NULL;

  *value = g_key_file_get_string (keyfile, group, key, &local_error);
  if (local_error == NULL)
    return TRUE;
  if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * bb_draft_store_load:
 * @self: a #BbDraftStore
 * @error: return location for an error
 *
 * Replaces the store's contents with the defaults plus what the file
 * holds.  A missing file is not an error: it gives the defaults.  A file
 * that cannot be read or parsed gives an error and leaves the store as
 * it was; the file itself is never touched here, and the next
 * bb_draft_store_save() keeps a copy of it ("<path>.damaged") before
 * writing.
 *
 * Returns: %TRUE on success
 */
gboolean
bb_draft_store_load (BbDraftStore *self,
                     GError      **error)
{
  g_autoptr (GKeyFile) keyfile = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) user = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (GStrv) groups = NULL;
  /* The saved text of each built-in, NULL where the default stays */
  g_autoptr (GPtrArray) builtin_names = g_ptr_array_new_full (G_N_ELEMENTS (builtins), g_free);
  g_autoptr (GPtrArray) builtin_subjects = g_ptr_array_new_full (G_N_ELEMENTS (builtins), g_free);
  g_autoptr (GPtrArray) builtin_bodies = g_ptr_array_new_full (G_N_ELEMENTS (builtins), g_free);
  g_autoptr (GPtrArray) builtin_languages = g_ptr_array_new_full (G_N_ELEMENTS (builtins), g_free);
  guint next_custom = 1;
  guint old_n_user;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (builtin_names, G_N_ELEMENTS (builtins));
  g_ptr_array_set_size (builtin_subjects, G_N_ELEMENTS (builtins));
  g_ptr_array_set_size (builtin_bodies, G_N_ELEMENTS (builtins));
  g_ptr_array_set_size (builtin_languages, G_N_ELEMENTS (builtins));

  if (!g_key_file_load_from_file (keyfile, self->path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          /* Nothing saved yet: the defaults */
          g_clear_error (&local_error);
        }
      else
        {
          self->keep_damaged = TRUE;
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _ ("Could not read the templates in “%s”: "),
                                      self->path);
          return FALSE;
        }
    }

  /* Read everything before changing anything, so that a damaged file
   * leaves the store as it was. */
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char      *id = groups[i];
      const Builtin   *builtin = find_builtin (id);
      g_autofree char *name = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *body = NULL;
      g_autofree char *language = NULL;

      if (!read_key (keyfile, id, KEY_NAME, &name, &local_error) ||
          !read_key (keyfile, id, KEY_SUBJECT, &subject, &local_error) ||
          !read_key (keyfile, id, KEY_BODY, &body, &local_error) ||
          !read_key (keyfile, id, KEY_LANGUAGE, &language, &local_error))
        {
          self->keep_damaged = TRUE;
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _ ("Could not read the templates in “%s”: "),
                                      self->path);
          return FALSE;
        }

      if (builtin != NULL)
        {
          guint k = (guint) (builtin - builtins);

          /* A group given twice: GKeyFile merges it, so this runs once */
          g_free (g_ptr_array_index (builtin_names, k));
          g_ptr_array_index (builtin_names, k) = g_steal_pointer (&name);
          g_free (g_ptr_array_index (builtin_subjects, k));
          g_ptr_array_index (builtin_subjects, k) = g_steal_pointer (&subject);
          g_free (g_ptr_array_index (builtin_bodies, k));
          g_ptr_array_index (builtin_bodies, k) = g_steal_pointer (&body);
          g_free (g_ptr_array_index (builtin_languages, k));
          g_ptr_array_index (builtin_languages, k) = g_steal_pointer (&language);
        }
      else
        {
          guint n = custom_number (id);

          /* A group without a name still holds the rep's text: keep it,
           * named after its id, rather than lose it. */
          g_ptr_array_add (user, g_object_new (BB_TYPE_DRAFT_TEMPLATE,
                                               "id", id,
                                               "name", name != NULL ? name : id,
                                               "subject", subject,
                                               "body", body,
                                               /* NULL, from older files: English */
                                               "language", language,
                                               "builtin", FALSE,
                                               NULL));
          if (n >= next_custom)
            next_custom = n + 1;
        }
    }

  self->keep_damaged = FALSE;
  self->next_custom = next_custom;

  /* The built-ins: the saved text or the default.  Their positions do
   * not change, and each template notifies what changed in it. */
  for (guint k = 0; k < G_N_ELEMENTS (builtins); k++)
    {
      BbDraftTemplate   *tmpl = g_ptr_array_index (self->templates, k);
      const char        *name = g_ptr_array_index (builtin_names, k);
      const char        *subject = g_ptr_array_index (builtin_subjects, k);
      const char        *body = g_ptr_array_index (builtin_bodies, k);
      const char        *language = g_ptr_array_index (builtin_languages, k);
      const BuiltinText *text;

      /* Rewritten text is in the language saved with it (English in
       * files older than that key); untouched text follows the store. */
      if (subject == NULL && body == NULL)
        language = self->language;
      language = _bb_draft_language_normalize (language);
      text = builtin_text (&builtins[k], language);
      _bb_draft_template_set_text (tmpl, language, text->subject, text->body, name, subject, body);
    }

  /* The user's templates replace the ones held before */
  old_n_user = self->templates->len - G_N_ELEMENTS (builtins);
  g_ptr_array_remove_range (self->templates, G_N_ELEMENTS (builtins), old_n_user);
  for (guint i = 0; i < user->len; i++)
    g_ptr_array_add (self->templates, g_object_ref (g_ptr_array_index (user, i)));

  if (old_n_user > 0 || user->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), G_N_ELEMENTS (builtins), old_n_user, user->len);

  return TRUE;
}

/**
 * bb_draft_store_save:
 * @self: a #BbDraftStore
 * @error: return location for an error
 *
 * Writes the edits of the built-ins and the user's templates to the file,
 * atomically, creating its folder if needed.
 *
 * Returns: %TRUE on success
 */
gboolean
bb_draft_store_save (BbDraftStore *self,
                     GError      **error)
{
  g_autoptr (GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize            length = 0;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->templates->len; i++)
    {
      BbDraftTemplate *tmpl = g_ptr_array_index (self->templates, i);
      const char      *id = bb_draft_template_get_id (tmpl);
      const char      *name = bb_draft_template_get_name (tmpl);
      const char      *subject = bb_draft_template_get_subject (tmpl);
      const char      *body = bb_draft_template_get_body (tmpl);
      const char      *language = bb_draft_template_get_language (tmpl);

      if (bb_draft_template_get_builtin (tmpl))
        {
          const Builtin     *builtin = find_builtin (id);
          const BuiltinText *text;

          g_assert (builtin != NULL);
          text = builtin_text (builtin, language);
          if (!g_str_equal (name, _ (builtin->name)))
            g_key_file_set_string (keyfile, id, KEY_NAME, name);
          if (!g_str_equal (subject, text->subject))
            g_key_file_set_string (keyfile, id, KEY_SUBJECT, subject);
          if (!g_str_equal (body, text->body))
            g_key_file_set_string (keyfile, id, KEY_BODY, body);
          /* Rewritten text keeps its language: the defaults it differs
           * from, and the words bb_draft_fill() adds to it */
          if (!g_str_equal (subject, text->subject) || !g_str_equal (body, text->body))
            g_key_file_set_string (keyfile, id, KEY_LANGUAGE, language);
        }
      else
        {
          g_key_file_set_string (keyfile, id, KEY_NAME, name);
          g_key_file_set_string (keyfile, id, KEY_SUBJECT, subject);
          g_key_file_set_string (keyfile, id, KEY_BODY, body);
          g_key_file_set_string (keyfile, id, KEY_LANGUAGE, language);
        }
    }

  data = g_key_file_to_data (keyfile, &length, NULL);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The file the last load could not read may hold the rep's work:
   * keep it next to the new one instead of writing over it. */
  if (self->keep_damaged && g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *copy = g_strconcat (self->path, ".damaged", NULL);

      if (g_rename (self->path, copy) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _ ("Could not keep a copy of the damaged file “%s”: %s"),
                       self->path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  self->keep_damaged = FALSE;

  return g_file_set_contents_full (self->path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * bb_draft_store_lookup:
 * @self: a #BbDraftStore
 * @id: a template id
 *
 * Returns: (transfer none) (nullable): the template, or %NULL
 */
BbDraftTemplate *
bb_draft_store_lookup (BbDraftStore *self,
                       const char   *id)
{
  guint position;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!find_template (self, id, &position))
    return NULL;

  return g_ptr_array_index (self->templates, position);
}

/**
 * bb_draft_store_add:
 * @self: a #BbDraftStore
 * @name: (nullable): the name of the new template, or %NULL for
 *   “New template”
 *
 * Adds a user template at the end.  It starts as a copy of the default
 * "retry-later" text in the store's language, the plainest of the
 * built-ins, so that the rep begins with a greeting, the placeholders and
 * a signature rather than with an empty page; the template is in that
 * language.
 *
 * Returns: (transfer none): the new template
 */
BbDraftTemplate *
bb_draft_store_add (BbDraftStore *self,
                    const char   *name)
{
  const Builtin     *start = find_builtin (BB_DRAFT_RETRY_LATER);
  const BuiltinText *text;
  g_autofree char   *id = NULL;
  BbDraftTemplate   *tmpl;
  guint              position;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), NULL);

  /* Skip ids already taken (a file edited by hand may hold any). */
  do
    {
      g_clear_pointer (&id, g_free);
      id = g_strdup_printf (CUSTOM_PREFIX "%u", self->next_custom++);
    }
  while (find_template (self, id, &position));

  text = builtin_text (start, self->language);
  tmpl = g_object_new (BB_TYPE_DRAFT_TEMPLATE,
                       "id", id,
                       "name", name != NULL ? name : _ ("New template"),
                       "subject", text->subject,
                       "body", text->body,
                       "language", self->language,
                       "builtin", FALSE,
                       NULL);
  g_ptr_array_add (self->templates, tmpl);
  g_list_model_items_changed (G_LIST_MODEL (self), self->templates->len - 1, 0, 1);

  return tmpl;
}

/**
 * bb_draft_store_remove:
 * @self: a #BbDraftStore
 * @id: the id of a user template
 *
 * Built-ins cannot be removed (only reset).
 *
 * Returns: %TRUE if a user template was removed
 */
gboolean
bb_draft_store_remove (BbDraftStore *self,
                       const char   *id)
{
  guint position;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_template (self, id, &position))
    return FALSE;
  if (bb_draft_template_get_builtin (g_ptr_array_index (self->templates, position)))
    return FALSE;

  g_ptr_array_remove_index (self->templates, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/**
 * bb_draft_store_reset:
 * @self: a #BbDraftStore
 * @id: the id of a built-in
 *
 * Gives a built-in its default name back, and the default subject and
 * body of the store's language (whatever language the rep had rewritten
 * it in); the template notifies the properties that change.  Does
 * nothing for a user template or an unknown id.
 */
void
bb_draft_store_reset (BbDraftStore *self,
                      const char   *id)
{
  const Builtin     *builtin;
  const BuiltinText *text;
  guint              position;

  g_return_if_fail (BB_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL);

  builtin = find_builtin (id);
  if (builtin == NULL || !find_template (self, id, &position))
    return;

  text = builtin_text (builtin, self->language);
  _bb_draft_template_set_text (g_ptr_array_index (self->templates, position), self->language,
                               text->subject, text->body, NULL, NULL, NULL);
}
