/* bb-loader.c - analyse files, folders, pasted text or sample bytes on a
 * worker thread, with progress and partial results on the main thread
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parsing runs in g_task_run_in_thread() on immutable input (paths,
 * GBytes).  Results go to the main thread in batches: the worker queues
 * them under a lock and keeps at most one delivery source pending, fired
 * at most every DISPATCH_INTERVAL, so ten thousand messages give a few
 * dozen main-loop wake-ups, not ten thousand.
 *
 * With a bounce log (bb_loader_set_store()), every message analysed is
 * also logged, on the same worker thread, with its raw bytes; the store
 * drops what it has logged before.
 */

#include "config.h"

#include "bb-loader.h"

#include "bb-analyze.h"
#include "bb-bounce-private.h"
#include "bb-input.h"

#define DISPATCH_INTERVAL_MS 100

struct _BbLoader
{
  GObject parent_instance;

  /* owned */
  BbStore *store; /* nullable: where results are logged */
};

G_DEFINE_FINAL_TYPE (BbLoader, bb_loader, G_TYPE_OBJECT)

/* One load, shared by the worker thread and the main thread (atomic
 * refcounted box). */
typedef struct
{
  /* input, immutable once the thread runs */
  GStrv      paths;
  GPtrArray *data;   /* GBytes, when there are no paths */
  GStrv      labels; /* one per data */
  gboolean   is_text;
  BbStore   *store; /* nullable; thread-safe */

  /* worker: the domains the user's mail reaches, for typo suggestions
   * ("companay.com" when the log knows company.com) */
  GStrv known_domains;

  /* main thread only */
  GMainContext        *context;
  GCancellable        *cancellable;
  BbLoaderProgressFunc progress;
  gpointer             progress_data;
  GDestroyNotify       progress_data_free;

  /* worker only */
  GPtrArray *all; /* BbBounce, every result */

  /* shared, under lock */
  GMutex     lock;
  GPtrArray *pending; /* BbBounce not yet delivered */
  guint      n_done;
  guint      n_total;
  gboolean   dispatch_scheduled;
  gboolean   finished; /* the caller has the results: no more progress */
  gint64     last_dispatch;
} Load;

static void
load_clear (gpointer data)
{
  Load *load = data;

  g_strfreev (load->paths);
  g_clear_pointer (&load->data, g_ptr_array_unref);
  g_strfreev (load->labels);
  g_clear_object (&load->store);
  g_clear_pointer (&load->known_domains, g_strfreev);
  g_clear_pointer (&load->context, g_main_context_unref);
  g_clear_object (&load->cancellable);
  if (load->progress_data_free != NULL)
    load->progress_data_free (load->progress_data);
  g_clear_pointer (&load->all, g_ptr_array_unref);
  g_clear_pointer (&load->pending, g_ptr_array_unref);
  g_mutex_clear (&load->lock);
}

static void
load_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, load_clear);
}

static Load *
load_new (GCancellable        *cancellable,
          BbLoaderProgressFunc progress,
          gpointer             progress_data,
          GDestroyNotify       progress_data_free)
{
  Load *load = g_atomic_rc_box_new0 (Load);

  g_mutex_init (&load->lock);
  load->context = g_main_context_ref_thread_default ();
  load->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  load->progress = progress;
  load->progress_data = progress_data;
  load->progress_data_free = progress_data_free;
  load->all = g_ptr_array_new_with_free_func (g_object_unref);
  load->pending = g_ptr_array_new_with_free_func (g_object_unref);
  return load;
}

/* Main thread: hand the queued results to the progress function. */
static gboolean
dispatch_cb (gpointer data)
{
  Load *load = data;
  g_autoptr (GPtrArray) batch = NULL;
  guint    n_done, n_total;
  gboolean finished;

  g_mutex_lock (&load->lock);
  load->dispatch_scheduled = FALSE;
  load->last_dispatch = g_get_monotonic_time ();
  batch = g_steal_pointer (&load->pending);
  load->pending = g_ptr_array_new_with_free_func (g_object_unref);
  n_done = load->n_done;
  n_total = load->n_total;
  finished = load->finished;
  g_mutex_unlock (&load->lock);

  if (!finished && !g_cancellable_is_cancelled (load->cancellable) && load->progress != NULL)
    load->progress (n_done, n_total, batch, load->progress_data);
  return G_SOURCE_REMOVE;
}

/* Worker, lock held: make sure a delivery is on its way, at most one at a
 * time and no sooner than DISPATCH_INTERVAL_MS after the previous one. */
static void
schedule_dispatch_locked (Load *load)
{
  g_autoptr (GSource) source = NULL;
  gint64 wait_ms;

  if (load->dispatch_scheduled || load->progress == NULL)
    return;
  wait_ms = (load->last_dispatch + DISPATCH_INTERVAL_MS * 1000 - g_get_monotonic_time ()) / 1000;
  if (load->last_dispatch == 0 || wait_ms <= 0)
    source = g_idle_source_new ();
  else
    source = g_timeout_source_new ((guint) wait_ms);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_cb, g_atomic_rc_box_acquire (load), load_unref);
  g_source_set_static_name (source, "[bounceback] loader progress");
  g_source_attach (source, load->context);
  load->dispatch_scheduled = TRUE;
}

/* Worker: one result. */
static void
add_result (Load     *load,
            BbBounce *bounce)
{
  g_ptr_array_add (load->all, g_object_ref (bounce));
  g_mutex_lock (&load->lock);
  g_ptr_array_add (load->pending, g_object_ref (bounce));
  load->n_done++;
  schedule_dispatch_locked (load);
  g_mutex_unlock (&load->lock);
}

static void
on_result (BbBounce *bounce,
           gpointer  user_data)
{
  add_result (user_data, bounce);
}

/* Worker: logs one message; a log that fails is reported once. */
static void
log_message (Load       *load,
             GBytes     *raw,
             const char *label,
             BbBounce   *bounce)
{
  g_autoptr (GError) error = NULL;

  if (load->store == NULL)
    return;
  if (!bb_store_log_message (load->store, raw, label, bounce, NULL, &error))
    {
      g_warning ("Could not log %s: %s", label, error->message);
      g_clear_object (&load->store);
    }
}

typedef struct
{
  Load         *load;
  GCancellable *cancellable;
} Walk;

/* Worker, with a log: one message of a file, analysed and logged. */
static gboolean
analyse_message (const char *label,
                 GBytes     *data,
                 const char *error,
                 gpointer    user_data)
{
  Walk *walk = user_data;
  g_autoptr (BbBounce) bounce = NULL;

  if (g_cancellable_is_cancelled (walk->cancellable))
    return FALSE;
  if (data != NULL)
    {
      bounce = bb_analyze_bytes_with_flags (data, label, BB_ANALYZE_ORIGINAL_TEXT);
      bb_bounce_suggest_from_known_domains (bounce, (const char *const *) walk->load->known_domains);
      /* shown first, logged after: the user does not wait for the disk */
      add_result (walk->load, bounce);
      log_message (walk->load, data, label, bounce);
    }
  else
    {
      bounce = _bb_bounce_new (label);
      bounce->kind = BB_KIND_UNREADABLE;
      bounce->error = g_strdup (error);
      add_result (walk->load, bounce);
    }
  return TRUE;
}

static gboolean
count_message (const char *label,
               GBytes     *data,
               const char *error,
               gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
  return TRUE;
}

/* Worker (or the caller of the synchronous variant): the whole load.
 * Returns FALSE when cancelled. */
static gboolean
load_run (Load         *load,
          GCancellable *cancellable)
{
  if (load->store != NULL && load->known_domains == NULL)
    load->known_domains = bb_store_list_known_domains (load->store, NULL);
  if (load->paths != NULL)
    {
      guint count = 0;

      /* Count first, so that the progress can say "120 of 450".  Reading
       * is cheap next to parsing (STACK-NOTES §9). */
      for (guint i = 0; load->paths[i] != NULL; i++)
        {
          if (g_cancellable_is_cancelled (cancellable))
            return FALSE;
          bb_input_foreach_message (load->paths[i], cancellable, count_message, &count);
        }
      g_mutex_lock (&load->lock);
      load->n_total = count;
      schedule_dispatch_locked (load);
      g_mutex_unlock (&load->lock);

      /* One thread: the GUI stays responsive on the other cores, and
       * GObject's process-wide locks make more threads wait on each other
       * anyway.  bb_input_analyze() checks @cancellable between messages.
       * To log, each message's bytes are needed: read them here. */
      if (load->store == NULL)
        bb_input_analyze_with_flags ((const char *const *) load->paths, 1, BB_ANALYZE_ORIGINAL_TEXT,
                                     cancellable, on_result, load);
      else
        {
          Walk walk = { load, cancellable };

          for (guint i = 0; load->paths[i] != NULL; i++)
            {
              if (g_cancellable_is_cancelled (cancellable))
                return FALSE;
              bb_input_foreach_message (load->paths[i], cancellable, analyse_message, &walk);
            }
        }
    }
  else
    {
      g_mutex_lock (&load->lock);
      load->n_total = load->data->len;
      g_mutex_unlock (&load->lock);

      for (guint i = 0; i < load->data->len; i++)
        {
          GBytes     *bytes = g_ptr_array_index (load->data, i);
          const char *label = load->labels[i];
          g_autoptr (BbBounce) bounce = NULL;

          if (g_cancellable_is_cancelled (cancellable))
            return FALSE;
          /* Pasted or dropped text and bundled samples alike: the
           * original's text is kept for the resend drafts. */
          bounce = bb_analyze_bytes_with_flags (bytes, label, BB_ANALYZE_ORIGINAL_TEXT);
          bb_bounce_suggest_from_known_domains (bounce, (const char *const *) load->known_domains);
          add_result (load, bounce);
          log_message (load, bytes, label, bounce);
        }
    }
  return !g_cancellable_is_cancelled (cancellable);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;

  if (!load_run (load, cancellable))
    {
      g_task_return_error_if_cancelled (task);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (load->all), (GDestroyNotify) g_ptr_array_unref);
}

static void
start (BbLoader           *self,
       Load               *load,
       gpointer            source_tag,
       GAsyncReadyCallback callback,
       gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  task = g_task_new (self, load->cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[bounceback] load");
  g_task_set_task_data (task, load, load_unref);
  g_task_run_in_thread (task, load_thread);
}

static void
bb_loader_dispose (GObject *object)
{
  BbLoader *self = BB_LOADER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_loader_parent_class)->dispose (object);
}

static void
bb_loader_class_init (BbLoaderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bb_loader_dispose;
}

static void
bb_loader_init (BbLoader *self)
{
}

BbLoader *
bb_loader_new (void)
{
  return g_object_new (BB_TYPE_LOADER, NULL);
}

/**
 * bb_loader_set_store:
 * @store: (nullable): where to log what the loads started from now on
 *   analyse; %NULL not to log
 */
void
bb_loader_set_store (BbLoader *self,
                     BbStore  *store)
{
  g_return_if_fail (BB_IS_LOADER (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * bb_loader_load_async:
 * @paths: files (single messages or mbox files) and folders
 * @progress: (nullable): called on this thread with progress and the
 *   results that arrived since the previous call
 *
 * Analyses every message in @paths on a worker thread.  Unreadable input
 * is a result (of kind %BB_KIND_UNREADABLE), not an error.
 */
void
bb_loader_load_async (BbLoader            *self,
                      const char *const   *paths,
                      GCancellable        *cancellable,
                      BbLoaderProgressFunc progress,
                      gpointer             progress_data,
                      GDestroyNotify       progress_data_free,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Load *load;

  g_return_if_fail (BB_IS_LOADER (self));
  g_return_if_fail (paths != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = load_new (cancellable, progress, progress_data, progress_data_free);
  load->paths = g_strdupv ((char **) paths);
  load->store = self->store != NULL ? g_object_ref (self->store) : NULL;
  start (self, load, bb_loader_load_async, callback, user_data);
}

/**
 * bb_loader_load_data_async:
 * @data: (array zero-terminated=1): messages (or pasted text) in memory
 * @labels: (array zero-terminated=1): a source label for each
 * @is_text: %TRUE for text the user pasted (a message or a fragment),
 *   %FALSE for the raw bytes of messages
 *
 * As bb_loader_load_async(), for bytes instead of paths.
 */
void
bb_loader_load_data_async (BbLoader            *self,
                           GBytes *const       *data,
                           const char *const   *labels,
                           gboolean             is_text,
                           GCancellable        *cancellable,
                           BbLoaderProgressFunc progress,
                           gpointer             progress_data,
                           GDestroyNotify       progress_data_free,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Load *load;

  g_return_if_fail (BB_IS_LOADER (self));
  g_return_if_fail (data != NULL);
  g_return_if_fail (labels != NULL);
  g_return_if_fail (g_strv_length ((char **) labels) >= g_strv_length ((char **) data));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = load_new (cancellable, progress, progress_data, progress_data_free);
  load->data = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; data[i] != NULL; i++)
    g_ptr_array_add (load->data, g_bytes_ref (data[i]));
  load->labels = g_strdupv ((char **) labels);
  load->is_text = is_text;
  load->store = self->store != NULL ? g_object_ref (self->store) : NULL;
  start (self, load, bb_loader_load_data_async, callback, user_data);
}

/**
 * bb_loader_load_finish:
 *
 * After this, the load's progress function is not called again.
 *
 * Returns: (transfer container) (element-type BbBounce): every result, in
 *   input order (including those already passed to the progress
 *   function), or %NULL with %G_IO_ERROR_CANCELLED
 */
GPtrArray *
bb_loader_load_finish (BbLoader     *self,
                       GAsyncResult *result,
                       GError      **error)
{
  Load *load;

  g_return_val_if_fail (BB_IS_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bb_loader_load_async ||
                            g_task_get_source_tag (G_TASK (result)) == bb_loader_load_data_async,
                        NULL);

  load = g_task_get_task_data (G_TASK (result));
  g_mutex_lock (&load->lock);
  load->finished = TRUE;
  g_mutex_unlock (&load->lock);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * bb_loader_load:
 *
 * The synchronous variant of bb_loader_load_async() (tests, tools): runs
 * on the calling thread, without progress.
 *
 * Returns: (transfer container) (element-type BbBounce): every result, or
 *   %NULL with %G_IO_ERROR_CANCELLED
 */
GPtrArray *
bb_loader_load (BbLoader          *self,
                const char *const *paths,
                GCancellable      *cancellable,
                GError           **error)
{
  Load      *load;
  GPtrArray *all = NULL;

  g_return_val_if_fail (BB_IS_LOADER (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  load = load_new (cancellable, NULL, NULL, NULL);
  load->paths = g_strdupv ((char **) paths);
  if (load_run (load, cancellable))
    all = g_ptr_array_ref (load->all);
  else
    g_cancellable_set_error_if_cancelled (cancellable, error);
  load_unref (load);
  return all;
}
