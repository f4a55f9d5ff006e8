/* bb-entry.c - one logged bounce: a failed recipient and what the rep did
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-entry-private.h"
#include "bb-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* ---- the follow-up state ---- */

static const GEnumValue entry_state_values[] = {
  { BB_ENTRY_STATE_NEW, "BB_ENTRY_STATE_NEW", "new" },
  { BB_ENTRY_STATE_TO_VERIFY, "BB_ENTRY_STATE_TO_VERIFY", "to_verify" },
  { BB_ENTRY_STATE_RESENT, "BB_ENTRY_STATE_RESENT", "resent" },
  { BB_ENTRY_STATE_RESOLVED, "BB_ENTRY_STATE_RESOLVED", "resolved" },
  { BB_ENTRY_STATE_DEAD, "BB_ENTRY_STATE_DEAD", "dead" },
  { 0, NULL, NULL },
};

GType
bb_entry_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("BbEntryState"),
                                                         entry_state_values));
  return type_id;
}

/**
 * bb_entry_state_to_string:
 *
 * Returns: the machine name ("new", "to_verify", "resent", "resolved",
 *   "dead"), the one stored in the database, exports and JSON
 */
const char *
bb_entry_state_to_string (BbEntryState state)
{
  g_return_val_if_fail (state <= BB_ENTRY_STATE_DEAD, "new");
  return entry_state_values[state].value_nick;
}

/**
 * bb_entry_state_from_string:
 * @name: a machine name; "to-verify" is taken for "to_verify"
 *
 * Returns: %TRUE when @name is a state
 */
gboolean
bb_entry_state_from_string (const char   *name,
                            BbEntryState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < BB_N_ENTRY_STATES; i++)
    {
      const char *nick = entry_state_values[i].value_nick;
      gsize       len = strlen (nick);
      gboolean    same = g_ascii_strncasecmp (name, nick, len) == 0 && name[len] == '\0';

      /* "to-verify" reads more naturally on a command line */
      if (!same && i == BB_ENTRY_STATE_TO_VERIFY)
        same = g_ascii_strcasecmp (name, "to-verify") == 0;
      if (same)
        {
          *state = (BbEntryState) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bb_entry_state_title:
 *
 * Returns: the state's name for people, translated
 */
const char *
bb_entry_state_title (BbEntryState state)
{
  switch (state)
    {
    case BB_ENTRY_STATE_NEW:
      /* Translators: follow-up state of a logged bounce */
      return C_ ("entry state", "New");
    case BB_ENTRY_STATE_TO_VERIFY:
      /* Translators: follow-up state of a logged bounce: the address must
       * be checked with the client */
      return C_ ("entry state", "To verify");
    case BB_ENTRY_STATE_RESENT:
      /* Translators: follow-up state of a logged bounce */
      return C_ ("entry state", "Resent");
    case BB_ENTRY_STATE_RESOLVED:
      /* Translators: follow-up state of a logged bounce: the mail got
       * through in the end */
      return C_ ("entry state", "Resolved");
    case BB_ENTRY_STATE_DEAD:
      /* Translators: follow-up state of a logged bounce: the contact is
       * unreachable, given up */
      return C_ ("entry state", "Dead");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * bb_entry_state_can_change:
 *
 * The workflow: new → to_verify → resent → resolved, with two short cuts
 * (a soft bounce can be resent without checking the address, and a
 * resent mail that bounces again goes back to to_verify), and any state
 * may be given up (dead).  Dead and resolved are the ends: nothing leads
 * out of dead, and only dead out of resolved.
 *
 * Returns: %TRUE when an entry in state @from may move to @to; moving to
 *   the state it is in is allowed (and changes nothing)
 */
gboolean
bb_entry_state_can_change (BbEntryState from,
                           BbEntryState to)
{
  g_return_val_if_fail (from <= BB_ENTRY_STATE_DEAD && to <= BB_ENTRY_STATE_DEAD, FALSE);

  if (from == to || to == BB_ENTRY_STATE_DEAD)
    return TRUE;
  switch (from)
    {
    case BB_ENTRY_STATE_NEW:
      return to == BB_ENTRY_STATE_TO_VERIFY || to == BB_ENTRY_STATE_RESENT;
    case BB_ENTRY_STATE_TO_VERIFY:
      return to == BB_ENTRY_STATE_RESENT;
    case BB_ENTRY_STATE_RESENT:
      return to == BB_ENTRY_STATE_RESOLVED || to == BB_ENTRY_STATE_TO_VERIFY;
    case BB_ENTRY_STATE_RESOLVED:
    case BB_ENTRY_STATE_DEAD:
    default:
      return FALSE;
    }
}

/* ---- the entry ---- */

G_DEFINE_FINAL_TYPE (BbEntry, bb_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_MESSAGE_SHA256,
  PROP_HAS_MESSAGE,
  PROP_ADDRESS,
  PROP_DOMAIN,
  PROP_STATUS,
  PROP_REPLY_CODE,
  PROP_REASON,
  PROP_CATEGORY,
  PROP_URGENCY,
  PROP_SIDE,
  PROP_HARD_BOUNCE,
  PROP_PROVIDER_ID,
  PROP_PROVIDER_CODE,
  PROP_DIAGNOSTIC,
  PROP_EVIDENCE,
  PROP_SUBJECT,
  PROP_ORIGINAL_DATE,
  PROP_ORIGINAL_MESSAGE_ID,
  PROP_ORIGINAL_FROM,
  PROP_ORIGINAL_TO,
  PROP_BOUNCED_AT,
  PROP_SOURCE,
  PROP_KIND,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_STATE,
  PROP_NOTE,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* String properties and the field each reads, so that get_property and
 * the refresh go through one table. */
static gsize string_field_offsets[N_PROPS];

static void
bb_entry_finalize (GObject *object)
{
  BbEntry *self = (BbEntry *) object;

  for (guint i = 0; i < N_PROPS; i++)
    if (string_field_offsets[i] != 0)
      g_free (G_STRUCT_MEMBER (char *, self, string_field_offsets[i]));
  g_strfreev (self->tags);

  G_OBJECT_CLASS (bb_entry_parent_class)->finalize (object);
}

static void
bb_entry_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BbEntry *self = BB_ENTRY (object);

  if (prop_id < N_PROPS && string_field_offsets[prop_id] != 0)
    {
      g_value_set_string (value, G_STRUCT_MEMBER (char *, self, string_field_offsets[prop_id]));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_take_string (value, bb_entry_dup_key (self));
      break;
    case PROP_HAS_MESSAGE:
      g_value_set_boolean (value, self->has_message);
      break;
    case PROP_HARD_BOUNCE:
      g_value_set_boolean (value, self->hard_bounce);
      break;
    case PROP_BOUNCED_AT:
      g_value_set_int64 (value, self->bounced_at);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
string_property (guint       prop_id,
                 const char *name,
                 gsize       offset)
{
  properties[prop_id] = g_param_spec_string (name, NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  string_field_offsets[prop_id] = offset;
}

static void
int64_property (guint       prop_id,
                const char *name)
{
  properties[prop_id] = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
boolean_property (guint       prop_id,
                  const char *name)
{
  properties[prop_id] = g_param_spec_boolean (name, NULL, NULL, FALSE,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
bb_entry_class_init (BbEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_entry_finalize;
  object_class->get_property = bb_entry_get_property;

  int64_property (PROP_ID, "id");
  /* the stable key of exports: "<SHA-256 of the message>:<address>" */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  string_property (PROP_MESSAGE_SHA256, "message-sha256", G_STRUCT_OFFSET (BbEntry, message_sha256));
  boolean_property (PROP_HAS_MESSAGE, "has-message");
  string_property (PROP_ADDRESS, "address", G_STRUCT_OFFSET (BbEntry, address));
  string_property (PROP_DOMAIN, "domain", G_STRUCT_OFFSET (BbEntry, domain));
  string_property (PROP_STATUS, "status", G_STRUCT_OFFSET (BbEntry, status));
  string_property (PROP_REPLY_CODE, "reply-code", G_STRUCT_OFFSET (BbEntry, reply_code));
  string_property (PROP_REASON, "reason", G_STRUCT_OFFSET (BbEntry, reason));
  string_property (PROP_CATEGORY, "category", G_STRUCT_OFFSET (BbEntry, category));
  string_property (PROP_URGENCY, "urgency", G_STRUCT_OFFSET (BbEntry, urgency));
  string_property (PROP_SIDE, "side", G_STRUCT_OFFSET (BbEntry, side));
  boolean_property (PROP_HARD_BOUNCE, "hard-bounce");
  string_property (PROP_PROVIDER_ID, "provider-id", G_STRUCT_OFFSET (BbEntry, provider_id));
  string_property (PROP_PROVIDER_CODE, "provider-code", G_STRUCT_OFFSET (BbEntry, provider_code));
  string_property (PROP_DIAGNOSTIC, "diagnostic", G_STRUCT_OFFSET (BbEntry, diagnostic));
  string_property (PROP_EVIDENCE, "evidence", G_STRUCT_OFFSET (BbEntry, evidence));
  string_property (PROP_SUBJECT, "subject", G_STRUCT_OFFSET (BbEntry, subject));
  string_property (PROP_ORIGINAL_DATE, "original-date", G_STRUCT_OFFSET (BbEntry, original_date));
  string_property (PROP_ORIGINAL_MESSAGE_ID, "original-message-id", G_STRUCT_OFFSET (BbEntry, original_message_id));
  string_property (PROP_ORIGINAL_FROM, "original-from", G_STRUCT_OFFSET (BbEntry, original_from));
  string_property (PROP_ORIGINAL_TO, "original-to", G_STRUCT_OFFSET (BbEntry, original_to));
  int64_property (PROP_BOUNCED_AT, "bounced-at");
  string_property (PROP_SOURCE, "source", G_STRUCT_OFFSET (BbEntry, source));
  string_property (PROP_KIND, "kind", G_STRUCT_OFFSET (BbEntry, kind));
  int64_property (PROP_CREATED_AT, "created-at");
  int64_property (PROP_UPDATED_AT, "updated-at");
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, BB_TYPE_ENTRY_STATE, BB_ENTRY_STATE_NEW,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  string_property (PROP_NOTE, "note", G_STRUCT_OFFSET (BbEntry, note));
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_entry_init (BbEntry *self)
{
  self->state = BB_ENTRY_STATE_NEW;
  self->note = g_strdup ("");
  self->tags = g_new0 (char *, 1);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* Reads a row of BB_STORE_ENTRY_COLUMNS. */
BbEntry *
_bb_entry_new_from_row (sqlite3_stmt *stmt)
{
  BbEntry     *self = g_object_new (BB_TYPE_ENTRY, NULL);
  const char  *tags = (const char *) sqlite3_column_text (stmt, 28);
  BbEntryState state = BB_ENTRY_STATE_NEW;
  int          i = 0;

  self->id = sqlite3_column_int64 (stmt, i++);
  self->message_sha256 = dup_column (stmt, i++);
  self->has_message = sqlite3_column_int (stmt, i++) != 0;
  self->address = dup_column (stmt, i++);
  self->domain = dup_column (stmt, i++);
  self->status = dup_column (stmt, i++);
  self->reply_code = dup_column (stmt, i++);
  self->reason = dup_column (stmt, i++);
  self->category = dup_column (stmt, i++);
  self->urgency = dup_column (stmt, i++);
  self->side = dup_column (stmt, i++);
  self->hard_bounce = sqlite3_column_int (stmt, i++) != 0;
  self->provider_id = dup_column (stmt, i++);
  self->provider_code = dup_column (stmt, i++);
  self->diagnostic = dup_column (stmt, i++);
  self->evidence = dup_column (stmt, i++);
  self->subject = dup_column (stmt, i++);
  self->original_date = dup_column (stmt, i++);
  self->original_message_id = dup_column (stmt, i++);
  self->original_from = dup_column (stmt, i++);
  self->original_to = dup_column (stmt, i++);
  self->bounced_at = sqlite3_column_int64 (stmt, i++);
  self->source = dup_column (stmt, i++);
  self->kind = dup_column (stmt, i++);
  if (bb_entry_state_from_string ((const char *) sqlite3_column_text (stmt, i++), &state))
    self->state = state;
  g_free (self->note);
  self->note = g_strdup (sqlite3_column_text (stmt, i) != NULL ? (const char *) sqlite3_column_text (stmt, i) : "");
  i++;
  self->created_at = sqlite3_column_int64 (stmt, i++);
  self->updated_at = sqlite3_column_int64 (stmt, i++);
  g_assert (i == 28);
  if (tags != NULL && *tags != '\0')
    {
      g_strfreev (self->tags);
      self->tags = g_strsplit (tags, BB_STORE_TAG_SEP, -1);
      qsort (self->tags, g_strv_length (self->tags), sizeof (char *), compare_tags);
    }
  return self;
}

/* Takes every field of @fresh (the same entry, read again), notifying
 * each property that changed and only those.  Returns whether any did. */
gboolean
_bb_entry_update_mutable (BbEntry *self,
                          BbEntry *fresh)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (BB_IS_ENTRY (self) && BB_IS_ENTRY (fresh), FALSE);
  g_return_val_if_fail (self->id == fresh->id, FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < N_PROPS; i++)
    {
      char **mine;
      char **theirs;

      if (string_field_offsets[i] == 0)
        continue;
      mine = &G_STRUCT_MEMBER (char *, self, string_field_offsets[i]);
      theirs = &G_STRUCT_MEMBER (char *, fresh, string_field_offsets[i]);
      if (g_strcmp0 (*mine, *theirs) != 0)
        {
          g_free (*mine);
          *mine = g_strdup (*theirs);
          g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
          changed = TRUE;
        }
    }
#define UPDATE_SCALAR(field, prop)                                  \
  if (self->field != fresh->field)                                  \
    {                                                               \
      self->field = fresh->field;                                   \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      changed = TRUE;                                               \
    }
  UPDATE_SCALAR (has_message, PROP_HAS_MESSAGE)
  UPDATE_SCALAR (hard_bounce, PROP_HARD_BOUNCE)
  UPDATE_SCALAR (bounced_at, PROP_BOUNCED_AT)
  UPDATE_SCALAR (created_at, PROP_CREATED_AT)
  UPDATE_SCALAR (updated_at, PROP_UPDATED_AT)
  UPDATE_SCALAR (state, PROP_STATE)
#undef UPDATE_SCALAR
  if (!g_strv_equal ((const char *const *) self->tags, (const char *const *) fresh->tags))
    {
      g_strfreev (self->tags);
      self->tags = g_strdupv (fresh->tags);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

#define GETTER(type, name)                               \
  type bb_entry_get_##name (BbEntry *self)               \
  {                                                      \
    g_return_val_if_fail (BB_IS_ENTRY (self), (type) 0); \
    return self->name;                                   \
  }

GETTER (gint64, id)
GETTER (const char *, message_sha256)
GETTER (gboolean, has_message)
GETTER (const char *, address)
GETTER (const char *, domain)
GETTER (const char *, status)
GETTER (const char *, reply_code)
GETTER (const char *, reason)
GETTER (const char *, category)
GETTER (const char *, urgency)
GETTER (const char *, side)
GETTER (gboolean, hard_bounce)
GETTER (const char *, provider_id)
GETTER (const char *, provider_code)
GETTER (const char *, diagnostic)
GETTER (const char *, evidence)
GETTER (const char *, subject)
GETTER (const char *, original_date)
GETTER (const char *, original_message_id)
GETTER (const char *, original_from)
GETTER (const char *, original_to)
GETTER (gint64, bounced_at)
GETTER (const char *, source)
GETTER (const char *, kind)
GETTER (gint64, created_at)
GETTER (gint64, updated_at)
GETTER (BbEntryState, state)
GETTER (const char *, note)

#undef GETTER

/**
 * bb_entry_get_tags:
 *
 * Returns: (transfer none): the tags, sorted; never %NULL
 */
const char *const *
bb_entry_get_tags (BbEntry *self)
{
  g_return_val_if_fail (BB_IS_ENTRY (self), NULL);
  return (const char *const *) self->tags;
}

gboolean
bb_entry_has_tag (BbEntry    *self,
                  const char *tag)
{
  g_return_val_if_fail (BB_IS_ENTRY (self), FALSE);
  return tag != NULL && g_strv_contains ((const char *const *) self->tags, tag);
}

/**
 * bb_entry_dup_key:
 *
 * Returns: (transfer full): the entry's key, "<SHA-256>:<address>": the
 *   same bounce logged on two computers has the same key, which is how
 *   imported CSV files are merged without duplicates
 */
char *
bb_entry_dup_key (BbEntry *self)
{
  g_return_val_if_fail (BB_IS_ENTRY (self), NULL);
  return g_strconcat (self->message_sha256, ":", self->address, NULL);
}

/**
 * bb_entry_dup_bounced_at_iso8601:
 *
 * Returns: (transfer full): the bounce time as "2026-03-02T02:16:05Z"
 */
char *
bb_entry_dup_bounced_at_iso8601 (BbEntry *self)
{
  g_autoptr (GDateTime) time = NULL;

  g_return_val_if_fail (BB_IS_ENTRY (self), NULL);
  time = g_date_time_new_from_unix_utc (self->bounced_at);
  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}
