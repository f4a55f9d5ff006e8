/* bb-store.h - the bounce log: every analysed bounce, per failed
 * recipient, with its follow-up state, note and tags, in SQLite
 *
 * One BbStore is one connection.  It may be used from several threads:
 * every call takes the store's lock.  Imports and re-analysis hold it per
 * batch (a fraction of a second), so the GUI can read between batches;
 * an export holds it until it is done.  A second BbStore on the same file
 * reads while the first writes (WAL).
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-bounce.h"
#include "bb-entry.h"
#include "bb-export.h"
#include "bb-store-filter.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every log: "BBLG".  A database with another
 * application id is some other program's and is never opened for
 * writing. */
#define BB_STORE_APPLICATION_ID 0x42424C47
/* PRAGMA user_version of a log made by this version */
#define BB_STORE_SCHEMA_VERSION 3
/* what bb_store_open() takes for a database that lives in memory only */
#define BB_STORE_MEMORY ":memory:"

#define BB_STORE_ERROR (bb_store_error_quark ())

/**
 * BbStoreError:
 * @BB_STORE_ERROR_NOT_DATABASE: the file is not an SQLite database, or
 *   it is damaged
 * @BB_STORE_ERROR_FOREIGN: an SQLite database of some other program
 *   (another application id, or tables that are not ours)
 * @BB_STORE_ERROR_TOO_NEW: a log made by a newer Bounceback
 * @BB_STORE_ERROR_NOT_FOUND: no entry with that id
 * @BB_STORE_ERROR_INVALID_TRANSITION: that state change is not allowed
 * @BB_STORE_ERROR_INVALID: a bad argument (empty tag, unreadable CSV …)
 * @BB_STORE_ERROR_FAILED: SQLite or the file system failed
 */
typedef enum
{
  BB_STORE_ERROR_NOT_DATABASE,
  BB_STORE_ERROR_FOREIGN,
  BB_STORE_ERROR_TOO_NEW,
  BB_STORE_ERROR_NOT_FOUND,
  BB_STORE_ERROR_INVALID_TRANSITION,
  BB_STORE_ERROR_INVALID,
  BB_STORE_ERROR_FAILED,
} BbStoreError;

GQuark bb_store_error_quark (void);

/**
 * BbImportStats:
 * @messages: messages read (unreadable ones included)
 * @added: entries added to the log (one per failed recipient)
 * @duplicates: failed recipients that were in the log already
 * @not_bounces: messages that are no failure, or name no failed recipient
 * @unreadable: inputs or messages that could not be read
 */
typedef struct
{
  guint messages;
  guint added;
  guint duplicates;
  guint not_bounces;
  guint unreadable;
} BbImportStats;

/**
 * BbImportEvent:
 * @BB_IMPORT_EVENT_COMMITTED: a batch is safely on disk; the stats count
 *   every committed message so far and the label is the last one's
 * @BB_IMPORT_EVENT_UNREADABLE: the input at label could not be read; the
 *   error says why
 */
typedef enum
{
  BB_IMPORT_EVENT_COMMITTED,
  BB_IMPORT_EVENT_UNREADABLE,
} BbImportEvent;

typedef void (*BbImportFunc) (BbImportEvent        event,
                              const BbImportStats *stats,
                              const char          *label,
                              const char          *error,
                              gpointer             user_data);

/**
 * BbCsvImportStats:
 * @rows: data rows read
 * @added: entries that were not in the log
 * @merged: entries in the log that took tags, a note or a state from the
 *   file
 * @unchanged: entries in the log the file had nothing new for
 * @skipped: rows that are not entries (wrong key, too few columns)
 */
typedef struct
{
  guint rows;
  guint added;
  guint merged;
  guint unchanged;
  guint skipped;
} BbCsvImportStats;

/**
 * BbReanalyseStats:
 * @messages: stored messages analysed again
 * @updated: entries whose diagnosis changed
 * @unchanged: entries whose diagnosis stayed the same
 * @added: failed recipients found now that were not found before
 * @kept: entries the new analysis no longer names, left as they were
 */
typedef struct
{
  guint messages;
  guint updated;
  guint unchanged;
  guint added;
  guint kept;
} BbReanalyseStats;

/**
 * BbStoreCount:
 * @key: what is counted: a period ("2026-03", a week's Monday
 *   "2026-03-02", a day), a domain, a provider id, a state name or a tag
 * @detail: (nullable): the second key: the category for counts per
 *   period, the domain for counts per day
 * @count: how many entries
 * @hard: how many of them are hard bounces
 */
typedef struct
{
  char  *key;
  char  *detail;
  gint64 count;
  gint64 hard;
} BbStoreCount;

#define BB_TYPE_STORE_COUNT (bb_store_count_get_type ())
GType         bb_store_count_get_type (void) G_GNUC_CONST;
BbStoreCount *bb_store_count_copy     (const BbStoreCount *count);
void          bb_store_count_free     (BbStoreCount       *count);

/**
 * BbStorePeriod:
 *
 * How bb_store_count_by_period() groups: by local calendar day, by week
 * (labelled with its Monday) or by month.
 */
typedef enum
{
  BB_STORE_PERIOD_DAY,
  BB_STORE_PERIOD_WEEK,
  BB_STORE_PERIOD_MONTH,
} BbStorePeriod;

#define BB_TYPE_STORE (bb_store_get_type ())

G_DECLARE_FINAL_TYPE (BbStore, bb_store, BB, STORE, GObject)

char         *bb_store_default_path          (void);

BbStore      *bb_store_open                  (const char          *path,
                                              GError             **error);
void          bb_store_open_async            (const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
BbStore      *bb_store_open_finish           (GAsyncResult        *result,
                                              GError             **error);
const char   *bb_store_get_path              (BbStore             *self);

/* Logging */
gboolean      bb_store_log_message           (BbStore             *self,
                                              GBytes              *raw,
                                              const char          *label,
                                              BbBounce            *bounce,
                                              BbImportStats       *stats,
                                              GError             **error);
gboolean      bb_store_import_paths          (BbStore             *self,
                                              const char * const  *paths,
                                              guint                batch_size,
                                              BbImportFunc         func,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              BbImportStats       *stats,
                                              GError             **error);
void          bb_store_import_paths_async    (BbStore             *self,
                                              const char * const  *paths,
                                              guint                batch_size,
                                              BbImportFunc         func,
                                              gpointer             func_data,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      bb_store_import_paths_finish   (BbStore             *self,
                                              GAsyncResult        *result,
                                              BbImportStats       *stats,
                                              GError             **error);
gboolean      bb_store_reanalyse_all         (BbStore             *self,
                                              GCancellable        *cancellable,
                                              BbReanalyseStats    *stats,
                                              GError             **error);
void          bb_store_reanalyse_all_async   (BbStore             *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      bb_store_reanalyse_all_finish  (BbStore             *self,
                                              GAsyncResult        *result,
                                              BbReanalyseStats    *stats,
                                              GError             **error);
GBytes       *bb_store_dup_message           (BbStore             *self,
                                              gint64               entry_id,
                                              GError             **error);

/* Entries */
BbEntry      *bb_store_get_entry             (BbStore             *self,
                                              gint64               id,
                                              GError             **error);
gboolean      bb_store_refresh_entry         (BbStore             *self,
                                              BbEntry             *entry,
                                              GError             **error);
GPtrArray    *bb_store_list_entries          (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              guint                offset,
                                              guint                limit,
                                              GError             **error);
void          bb_store_list_entries_async    (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              guint                offset,
                                              guint                limit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray    *bb_store_list_entries_finish   (BbStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gint64        bb_store_count_entries         (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              GError             **error);
gboolean      bb_store_set_state             (BbStore             *self,
                                              gint64               id,
                                              BbEntryState         state,
                                              GError             **error);
gboolean      bb_store_set_note              (BbStore             *self,
                                              gint64               id,
                                              const char          *note,
                                              GError             **error);
gboolean      bb_store_add_tag               (BbStore             *self,
                                              gint64               id,
                                              const char          *tag,
                                              GError             **error);
gboolean      bb_store_remove_tag            (BbStore             *self,
                                              gint64               id,
                                              const char          *tag,
                                              GError             **error);

/* Many entries at once: those a filter lets through (bb-store.c) */
gboolean      bb_store_set_state_matching    (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              BbEntryState         state,
                                              guint               *n_changed,
                                              guint               *n_refused,
                                              GError             **error);
gboolean      bb_store_add_tag_matching      (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              const char          *tag,
                                              guint               *n_tagged,
                                              GError             **error);
gboolean      bb_store_delete_matching       (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              guint               *n_deleted,
                                              GError             **error);
gboolean      bb_store_undo_delete           (BbStore             *self,
                                              guint               *n_restored,
                                              GError             **error);

/* Figures for the overview */
GPtrArray    *bb_store_count_by_period       (BbStore             *self,
                                              BbStorePeriod        period,
                                              gint64               since,
                                              gint64               until,
                                              GError             **error);
GPtrArray    *bb_store_top_domains           (BbStore             *self,
                                              gint64               since,
                                              gint64               until,
                                              guint                limit,
                                              GError             **error);
GPtrArray    *bb_store_top_providers         (BbStore             *self,
                                              gint64               since,
                                              gint64               until,
                                              guint                limit,
                                              GError             **error);
GPtrArray    *bb_store_count_by_state        (BbStore             *self,
                                              GError             **error);
GStrv         bb_store_list_known_domains    (BbStore             *self,
                                              GError             **error);
GPtrArray    *bb_store_count_tags            (BbStore             *self,
                                              GError             **error);
GPtrArray    *bb_store_domains_per_day       (BbStore             *self,
                                              gint64               since,
                                              gint64               until,
                                              guint                min_count,
                                              GError             **error);
GPtrArray    *bb_store_list_retry_due        (BbStore             *self,
                                              gint64               now,
                                              guint                after_hours,
                                              guint                before_hours,
                                              guint                limit,
                                              gint64              *n_due,
                                              GError             **error);
GPtrArray    *bb_store_list_review_due       (BbStore             *self,
                                              gint64               now,
                                              guint                days,
                                              guint                limit,
                                              gint64              *n_due,
                                              GError             **error);

/* Export and import (bb-store-export.c) */
gboolean      bb_store_export                (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              BbExportFormat       format,
                                              const char          *path,
                                              guint               *n_exported,
                                              GError             **error);
void          bb_store_export_async          (BbStore             *self,
                                              const BbStoreFilter *filter,
                                              BbExportFormat       format,
                                              const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      bb_store_export_finish         (BbStore             *self,
                                              GAsyncResult        *result,
                                              guint               *n_exported,
                                              GError             **error);
gboolean      bb_store_import_csv            (BbStore             *self,
                                              const char          *path,
                                              BbCsvImportStats    *stats,
                                              GError             **error);
void          bb_store_import_csv_async      (BbStore             *self,
                                              const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      bb_store_import_csv_finish     (BbStore             *self,
                                              GAsyncResult        *result,
                                              BbCsvImportStats    *stats,
                                              GError             **error);

/* The tags the log adds by itself, in the current language */
const char   *bb_store_hard_bounce_tag       (void);
char         *bb_store_month_tag             (gint64               unix_time);

G_END_DECLS
