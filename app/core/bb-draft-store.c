/* bb-draft-store.c - the built-in resend templates and the user's own,
 * kept in a key file
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-draft.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* The file holds one group per template that differs from the defaults:
 *
 *   [mailbox-full]          an edited built-in: only the changed keys
 *   Name=…                  (only when the rep renamed it)
 *   Subject=…
 *
 *   [custom-1]              a user template, in list order
 *   Name=Price follow-up
 *   Subject=…
 *   Body=…
 *
 * Keys missing from a built-in's group keep the default, so unedited
 * fields follow improvements of the defaults in later versions. */
#define KEY_NAME "Name"
#define KEY_SUBJECT "Subject"
#define KEY_BODY "Body"

#define CUSTOM_PREFIX "custom-"

#define SIGNATURE_BLOCK \
  "Best regards,\n"     \
  "{my_name}\n"         \
  "{my_company}\n"      \
  "{signature}\n"

/* The bodies go to overseas clients: they stay English and are not
 * marked for translation.  Only the names, which the rep reads, are.
 * Each paragraph is one line, so the client's mail program wraps it; a
 * line whose placeholders all come out empty is left out of the draft
 * (see bb_draft_fill()). */
typedef struct
{
  const char *id;
  const char *name;
  const char *subject;
  const char *body;
} Builtin;

static const Builtin builtins[] = {
  {
      BB_DRAFT_MAILBOX_FULL,
      /* Translators: the name of a built-in resend template */
      N_ ("Mailbox full: resend with key points"),
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
      BB_DRAFT_LINK_INSTEAD,
      /* Translators: the name of a built-in resend template */
      N_ ("Too big: send a download link instead"),
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
      BB_DRAFT_ALTERNATE_CONTACT,
      /* Translators: the name of a built-in resend template */
      N_ ("Address not working: ask for another contact"),
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
      BB_DRAFT_RETRY_LATER,
      /* Translators: the name of a built-in resend template */
      N_ ("Temporary problem: send again"),
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
      "[paste the text of your earlier email here]\n"
      "\n" SIGNATURE_BLOCK,
  },
};

struct _BbDraftStore
{
  GObject parent_instance;

  /* Owned */
  char      *path;
  GPtrArray *templates; /* BbDraftTemplate: the built-ins, then the user's */
  guint      next_custom;

  /* The last load found a damaged file: keep a copy before the first
   * save replaces it. */
  gboolean keep_damaged;
};

static void bb_draft_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BbDraftStore, bb_draft_store, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bb_draft_store_list_model_init))

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

  G_OBJECT_CLASS (bb_draft_store_parent_class)->finalize (object);
}

static void
bb_draft_store_class_init (BbDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_draft_store_dispose;
  object_class->finalize = bb_draft_store_finalize;
}

static void
bb_draft_store_init (BbDraftStore *self)
{
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->next_custom = 1;

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    g_ptr_array_add (self->templates,
                     bb_draft_template_new (builtins[i].id,
                                            _ (builtins[i].name),
                                            builtins[i].subject,
                                            builtins[i].body,
                                            TRUE));
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

/**
 * bb_draft_store_new:
 * @path: the key file that keeps the edits and the user's templates
 *
 * Holds the defaults until bb_draft_store_load() is called.
 *
 * Returns: (transfer full): a new store
 */
BbDraftStore *
bb_draft_store_new (const char *path)
{
  BbDraftStore *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (BB_TYPE_DRAFT_STORE, NULL);
  self->path = g_strdup (path);
  return self;
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
  guint next_custom = 1;
  guint old_n_user;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (builtin_names, G_N_ELEMENTS (builtins));
  g_ptr_array_set_size (builtin_subjects, G_N_ELEMENTS (builtins));
  g_ptr_array_set_size (builtin_bodies, G_N_ELEMENTS (builtins));

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

      if (!read_key (keyfile, id, KEY_NAME, &name, &local_error) ||
          !read_key (keyfile, id, KEY_SUBJECT, &subject, &local_error) ||
          !read_key (keyfile, id, KEY_BODY, &body, &local_error))
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
        }
      else
        {
          guint n = custom_number (id);

          /* A group without a name still holds the rep's text: keep it,
           * named after its id, rather than lose it. */
          g_ptr_array_add (user, bb_draft_template_new (id, name != NULL ? name : id,
                                                        subject, body, FALSE));
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
      BbDraftTemplate *tmpl = g_ptr_array_index (self->templates, k);
      const char      *name = g_ptr_array_index (builtin_names, k);
      const char      *subject = g_ptr_array_index (builtin_subjects, k);
      const char      *body = g_ptr_array_index (builtin_bodies, k);

      bb_draft_template_set_name (tmpl, name != NULL ? name : _ (builtins[k].name));
      bb_draft_template_set_subject (tmpl, subject != NULL ? subject : builtins[k].subject);
      bb_draft_template_set_body (tmpl, body != NULL ? body : builtins[k].body);
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
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->templates->len; i++)
    {
      BbDraftTemplate *tmpl = g_ptr_array_index (self->templates, i);
      const char      *id = bb_draft_template_get_id (tmpl);
      const char      *name = bb_draft_template_get_name (tmpl);
      const char      *subject = bb_draft_template_get_subject (tmpl);
      const char      *body = bb_draft_template_get_body (tmpl);

      if (bb_draft_template_get_builtin (tmpl))
        {
          const Builtin *builtin = find_builtin (id);

          g_assert (builtin != NULL);
          if (!g_str_equal (name, _ (builtin->name)))
            g_key_file_set_string (keyfile, id, KEY_NAME, name);
          if (!g_str_equal (subject, builtin->subject))
            g_key_file_set_string (keyfile, id, KEY_SUBJECT, subject);
          if (!g_str_equal (body, builtin->body))
            g_key_file_set_string (keyfile, id, KEY_BODY, body);
        }
      else
        {
          g_key_file_set_string (keyfile, id, KEY_NAME, name);
          g_key_file_set_string (keyfile, id, KEY_SUBJECT, subject);
          g_key_file_set_string (keyfile, id, KEY_BODY, body);
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
 * "retry-later" text, the plainest of the built-ins, so that the rep
 * begins with a greeting, the placeholders and a signature rather than
 * with an empty page.
 *
 * Returns: (transfer none): the new template
 */
BbDraftTemplate *
bb_draft_store_add (BbDraftStore *self,
                    const char   *name)
{
  const Builtin   *start = find_builtin (BB_DRAFT_RETRY_LATER);
  g_autofree char *id = NULL;
  BbDraftTemplate *tmpl;
  guint            position;

  g_return_val_if_fail (BB_IS_DRAFT_STORE (self), NULL);

  /* Skip ids already taken (a file edited by hand may hold any). */
  do
    {
      g_clear_pointer (&id, g_free);
      id = g_strdup_printf (CUSTOM_PREFIX "%u", self->next_custom++);
    }
  while (find_template (self, id, &position));

  tmpl = bb_draft_template_new (id, name != NULL ? name : _ ("New template"),
                                start->subject, start->body, FALSE);
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
 * Gives a built-in its default name, subject and body back; the
 * template notifies the properties that change.  Does nothing for a user
 * template or an unknown id.
 */
void
bb_draft_store_reset (BbDraftStore *self,
                      const char   *id)
{
  const Builtin   *builtin;
  guint            position;
  BbDraftTemplate *tmpl;

  g_return_if_fail (BB_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL);

  builtin = find_builtin (id);
  if (builtin == NULL || !find_template (self, id, &position))
    return;

  tmpl = g_ptr_array_index (self->templates, position);
  bb_draft_template_set_name (tmpl, _ (builtin->name));
  bb_draft_template_set_subject (tmpl, builtin->subject);
  bb_draft_template_set_body (tmpl, builtin->body);
}
