/* bb-store-private.h - what the files of the store share: the instance
 * struct, autoptr cleanups for SQLite, and helpers
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "bb-entry.h"
#include "bb-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement borrowed from the store's cache: g_autoptr (BbStmt) resets
 * it when it goes out of scope, which ends its read transaction and
 * makes it ready for the next user. */
typedef sqlite3_stmt BbStmt;
void _bb_stmt_release (BbStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbStmt, _bb_stmt_release)

struct _BbStore
{
  GObject parent_instance;

  /* owned */
  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt*, prepared once */
  GZlibCompressor *deflater;

  /* One user at a time: the async functions run in worker threads, and a
   * transaction must not interleave with another caller's statements. */
  GRecMutex lock;
};

/* Every column of an entry, in the order _bb_entry_new_from_row() reads
 * them; the last one is the tags, joined with BB_STORE_TAG_SEP. */
#define BB_STORE_ENTRY_COLUMNS                                                  \
  "e.id, e.msg_sha256, e.message_id IS NOT NULL, e.address, e.domain, "         \
  "e.status, e.reply_code, e.reason, e.category, e.urgency, e.side, "           \
  "e.hard_bounce, e.provider_id, e.provider_code, e.diagnostic, e.evidence, "   \
  "e.subject, e.orig_date, e.orig_message_id, e.orig_from, e.orig_to, "         \
  "e.bounced_at, e.source, e.kind, e.state, e.note, e.created_at, "             \
  "e.updated_at, "                                                              \
  "(SELECT group_concat(t.name, char(31)) FROM entry_tags et "                  \
  "JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id)"
#define BB_STORE_TAG_SEP "\x1f"

/* The domains a typo suggestion may point to: where a bounce was resolved,
 * or failed for a reason that is not about the address or the domain.
 * The index entries_domain_kind covers it (a test checks the plan). */
#define BB_STORE_KNOWN_DOMAINS_SQL                                              \
  "SELECT DISTINCT e.domain FROM entries e WHERE e.domain IS NOT NULL AND e.domain != ''" \
  " AND (e.state = 'resolved' OR e.category NOT IN ('address', 'domain', 'unknown', 'not-bounce'))" \
  " ORDER BY e.domain"

BbEntry  *_bb_entry_new_from_row        (sqlite3_stmt *stmt);
gboolean  _bb_entry_update_mutable      (BbEntry      *self,
                                         BbEntry      *fresh);

BbStmt   *_bb_store_prepare             (BbStore      *self,
                                         const char   *sql,
                                         GError      **error);
gboolean  _bb_store_exec                (BbStore      *self,
                                         const char   *sql,
                                         GError      **error);
void      _bb_store_set_sqlite_error    (BbStore      *self,
                                         GError      **error);
gboolean  _bb_store_begin               (BbStore      *self,
                                         GError      **error);
gboolean  _bb_store_commit              (BbStore      *self,
                                         GError      **error);
void      _bb_store_rollback            (BbStore      *self);
gint64    _bb_store_tag_id              (BbStore      *self,
                                         const char   *name,
                                         gboolean      create,
                                         GError      **error);
gboolean  _bb_store_tag_entry           (BbStore      *self,
                                         gint64        entry_id,
                                         const char   *name,
                                         GError      **error);
gint64    _bb_store_find_entry          (BbStore      *self,
                                         const char   *sha256,
                                         const char   *address,
                                         GError      **error);
gboolean  _bb_store_touch_entry         (BbStore      *self,
                                         gint64        id,
                                         GError      **error);
gboolean  _bb_store_valid_tag           (const char   *tag,
                                         GError      **error);
void      _bb_store_bind_text           (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *value);
const char *_bb_store_column_text       (sqlite3_stmt *stmt,
                                         int           index);

typedef gboolean (*BbEntryFunc) (BbEntry  *entry,
                                 gpointer  user_data,
                                 GError  **error);
gboolean  _bb_store_foreach_entry       (BbStore             *self,
                                         const BbStoreFilter *filter,
                                         BbEntryFunc          func,
                                         gpointer             user_data,
                                         GError             **error);

/* The diagnosis of one recipient, as stored; the char* fields are owned. */
typedef struct
{
  const char *address;
  char       *domain;
  const char *status;
  const char *reply_code;
  const char *reason;
  const char *category;
  const char *urgency;
  const char *side;
  gboolean    hard_bounce;
  const char *provider_id;
  const char *provider_code;
  const char *diagnostic;
  const char *evidence;
  const char *subject;
  const char *orig_date;
  const char *orig_message_id;
  char       *orig_from;
  char       *orig_to;
  const char *kind;
} BbStoreRow;

void      _bb_store_row_clear           (BbStoreRow   *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BbStoreRow, _bb_store_row_clear)

/* Returns the new entry's id, 0 when the key is in the log already, -1
 * on error; @message_id 0 for none. */
gint64    _bb_store_insert_entry        (BbStore          *self,
                                         gint64            message_id,
                                         const char       *sha256,
                                         const BbStoreRow *row,
                                         gint64            bounced_at,
                                         const char       *source,
                                         gint64            now,
                                         GError          **error);

/* bb-store-migrations.c */
gboolean  _bb_store_migrate             (sqlite3      *db,
                                         GError      **error);
gboolean  _bb_store_is_known_table      (const char   *name);

G_END_DECLS
