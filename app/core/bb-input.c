/* bb-input.c - read files, folders, mbox files and standard input, and
 * analyse every message in them on all cores, results in input order
 *
 * Memory stays flat whatever the size of the input: files are read in
 * chunks, an mbox is cut into messages as it streams past, and only a
 * bounded number of batches are in flight between the reader and the
 * workers.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-analyze.h"
#include "bb-bounce-private.h"
#include "bb-input.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHUNK_SIZE      (1024 * 1024)
#define FIRST_READ_SIZE (64 * 1024)
#define MAX_DIR_DEPTH 32
#define BATCH_MESSAGES 64
#define BATCH_BYTES (2 * 1024 * 1024)

/**
 * bb_input_is_from_line:
 *
 * An mbox separator: "From " + sender + a date ("From MAILER-DAEMON  Thu
 * Apr 29 23:34:45 2015").  Requiring the time keeps a body line that
 * merely starts with "From " from splitting a message.
 */
gboolean
bb_input_is_from_line (const char *line,
                       gsize       len)
{
  gsize    i;
  gboolean colon_time = FALSE;

  if (len < 7 || memcmp (line, "From ", 5) != 0 || line[5] == ' ')
    return FALSE;
  for (i = 5; i < len && line[i] != ' ' && line[i] != '\n'; i++)
    ;
  for (; i + 4 < len && line[i] != '\n'; i++)
    if (g_ascii_isdigit (line[i]) && line[i + 2] == ':' && g_ascii_isdigit (line[i + 1]) &&
        g_ascii_isdigit (line[i + 3]))
      colon_time = TRUE;
  return colon_time;
}

/* "bounced E-Mail:\n\nFrom x@y …": a notice that quotes the original with
 * its envelope line.  The last non-blank line before a separator ending
 * in a colon introduces what follows, so it is not a new message. */
static gboolean
introduces_quote (const char *data,
                  gsize       len)
{
  while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r' || data[len - 1] == ' '))
    len--;
  return len > 0 && data[len - 1] == ':';
}

/* Asked before a message is handed over: FALSE skips it, with neither
 * its label made nor its bytes copied (a worker skips the batches of the
 * others). */
typedef gboolean (*WantFunc) (gsize    size,
                              gpointer user_data);

typedef struct
{
  const char   *path;
  BbMessageFunc func;
  WantFunc      want;
  gpointer      user_data;
  GByteArray   *buffer;
  guint         index;   /* messages seen in this file */
  GBytes       *pending; /* the first message, held until we know
                            whether the file holds several */
  gboolean stopped;
} Reader;

/* Hands a message over (@bytes, or else a copy of @data), labelled with
 * its number in the file when @number is not 0. */
static gboolean
deliver (Reader     *r,
         guint       number,
         GBytes     *bytes,
         const char *data,
         gsize       len)
{
  g_autofree char *label = NULL;
  g_autoptr (GBytes) owned = NULL;

  if (bytes != NULL)
    len = g_bytes_get_size (bytes);
  if (r->want != NULL && !r->want (len, r->user_data))
    return TRUE;
  label = number > 0 ? g_strdup_printf ("%s#%u", r->path, number) : g_strdup (r->path);
  owned = bytes != NULL ? g_bytes_ref (bytes) : g_bytes_new (data, len);
  return r->func (label, owned, NULL, r->user_data);
}

static gboolean
emit (Reader     *r,
      const char *data,
      gsize       len)
{
  r->index++;
  if (r->index == 1)
    {
      r->pending = g_bytes_new (data, len);
      return TRUE;
    }
  if (r->pending != NULL)
    {
      g_autoptr (GBytes) pending = g_steal_pointer (&r->pending);

      if (!deliver (r, 1, pending, NULL, 0))
        return FALSE;
    }
  return deliver (r, r->index, NULL, data, len);
}

/* The next "\nFrom " that starts at or after @from: memchr() for the 'F'
 * (rare in mail, so it leaps), then a look at its neighbours; memmem()
 * took 8 ms over a 42 MB mbox where this takes 5. */
static const char *
find_separator (const char *data,
                gsize       from,
                gsize       len)
{
  const char *end = data + len;
  const char *p;

  if (from + 1 >= len)
    return NULL;
  for (p = data + from + 1; p < end && (p = memchr (p, 'F', end - p)) != NULL;)
    {
      if (p[-1] == '\n' && end - p >= 5 && memcmp (p, "From ", 5) == 0)
        return p - 1;
      p++;
    }
  return NULL;
}

/* Cuts complete messages off the front of the buffer.  With @final, the
 * rest is the last message. */
static gboolean
cut_messages (Reader  *r,
              gboolean final)
{
  GByteArray *buf = r->buffer;
  const char *data = (const char *) buf->data;
  gsize       len = buf->len;
  gsize       start = 0;
  gsize       search = 0;
  gboolean    mbox = len >= 5 && memcmp (data, "From ", 5) == 0;

  if (mbox)
    {
      search = 1;
      for (;;)
        {
          const char *hit = find_separator (data, search, len);
          const char *eol;
          gsize       boundary;

          if (hit == NULL)
            break;
          boundary = hit + 1 - data;
          eol = memchr (data + boundary, '\n', len - boundary);
          if (eol == NULL && !final)
            break; /* the From_ line is not complete yet */
          if (bb_input_is_from_line (data + boundary,
                                     (eol != NULL ? (gsize) (eol - data) : len) - boundary) &&
              boundary > start && !introduces_quote (data + start, boundary - start))
            {
              if (!emit (r, data + start, boundary - start))
                return FALSE;
              start = boundary;
            }
          search = boundary + 1;
        }
    }
  if (final && len > start)
    {
      if (!emit (r, data + start, len - start))
        return FALSE;
      start = len;
    }
  if (start > 0)
    g_byte_array_remove_range (buf, 0, start);
  return TRUE;
}

static void
read_stream (const char   *label,
             GInputStream *stream,
             GCancellable *cancellable,
             BbMessageFunc func,
             WantFunc      want,
             gpointer      user_data)
{
  Reader r = { 0 };
  g_autoptr (GError) error = NULL;
  gsize    scanned_from = 0;
  int      bare_cr = -1; /* unknown until the first chunk */
  gboolean short_read = FALSE;

  r.path = label;
  r.func = func;
  r.want = want;
  r.user_data = user_data;
  r.buffer = g_byte_array_sized_new (FIRST_READ_SIZE);

  for (;;)
    {
      gsize  old = r.buffer->len;
      gssize n;

      /* A read that came back short usually means the end: it is
       * confirmed with a small read on the stack rather than by growing
       * the buffer by a chunk (for a folder of small files that growth
       * cost a megabyte's copy per file). */
      if (short_read)
        {
          guint8 probe[4096];

          n = g_input_stream_read (stream, probe, sizeof probe, cancellable, &error);
          if (n <= 0)
            break;
          g_byte_array_append (r.buffer, probe, (guint) n);
          short_read = (gsize) n < sizeof probe;
        }
      else
        {
          /* small first reads: most inputs are one small message */
          gsize ask = old < CHUNK_SIZE ? FIRST_READ_SIZE : CHUNK_SIZE;

          g_byte_array_set_size (r.buffer, old + ask);
          n = g_input_stream_read (stream, r.buffer->data + old, ask, cancellable, &error);
          if (n < 0)
            {
              g_byte_array_set_size (r.buffer, old);
              break;
            }
          g_byte_array_set_size (r.buffer, old + n);
          if (n == 0)
            break;
          short_read = (gsize) n < ask;
        }
      /* Old Mac files end lines with CR alone: make them LF so that mbox
       * separators are found. */
      if (bare_cr < 0)
        bare_cr = memchr (r.buffer->data + old, '\n', n) == NULL &&
                  memchr (r.buffer->data + old, '\r', n) != NULL;
      if (bare_cr > 0)
        for (gssize k = 0; k < n; k++)
          if (r.buffer->data[old + k] == '\r')
            r.buffer->data[old + k] = '\n';
      /* Only an mbox is cut while reading; a single message is read whole. */
      if (r.buffer->len - scanned_from >= CHUNK_SIZE && r.buffer->len >= 5 &&
          memcmp (r.buffer->data, "From ", 5) == 0)
        {
          if (!cut_messages (&r, FALSE))
            {
              r.stopped = TRUE;
              break;
            }
          scanned_from = r.buffer->len;
        }
    }

  if (error != NULL && !r.stopped)
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not read “%s”: %s"), label, error->message);
      if (r.index == 0)
        func (label, NULL, message, user_data);
    }
  else if (!r.stopped)
    {
      if (r.buffer->len == 0 && r.index == 0)
        {
          g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
          func (label, empty, NULL, user_data);
        }
      else if (cut_messages (&r, TRUE) && r.pending != NULL)
        {
          g_autoptr (GBytes) pending = g_steal_pointer (&r.pending);
          deliver (&r, 0, pending, NULL, 0);
        }
    }
  g_clear_pointer (&r.pending, g_bytes_unref);
  g_byte_array_unref (r.buffer);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void foreach_message (const char   *path,
                             GCancellable *cancellable,
                             BbMessageFunc func,
                             WantFunc      want,
                             gpointer      user_data);

static gboolean
walk_directory (const char   *path,
                guint         depth,
                GCancellable *cancellable,
                BbMessageFunc func,
                WantFunc      want,
                gpointer      user_data)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  const char *name;

  if (depth > MAX_DIR_DEPTH)
    return TRUE;
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Could not read the folder “%s”: %s"), path, error->message);
      return func (path, NULL, message, user_data);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK) && g_file_test (child, G_FILE_TEST_IS_DIR))
        continue; /* no loops */
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (!walk_directory (child, depth + 1, cancellable, func, want, user_data))
            return FALSE;
        }
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        foreach_message (child, cancellable, func, want, user_data);
    }
  return TRUE;
}

static void
foreach_message (const char   *path,
                 GCancellable *cancellable,
                 BbMessageFunc func,
                 WantFunc      want,
                 gpointer      user_data)
{
  g_autoptr (GInputStream) stream = NULL;
  int fd;

  if (strcmp (path, "-") == 0)
    {
      g_autoptr (GInputStream) in = g_unix_input_stream_new (0, FALSE);
      read_stream (path, in, cancellable, func, want, user_data);
      return;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      walk_directory (path, 0, cancellable, func, want, user_data);
      return;
    }
  /* A plain file descriptor: a GFile would have GIO load its modules
   * (GVfs, settings back ends) first, several milliseconds in every
   * process. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int              saved = errno;
      g_autofree char *message = g_strdup_printf (_ ("Could not open “%s”: %s"), path, g_strerror (saved));

      func (path, NULL, message, user_data);
      return;
    }
  stream = g_unix_input_stream_new (fd, TRUE);
  read_stream (path, stream, cancellable, func, want, user_data);
}

/**
 * bb_input_foreach_message:
 * @path: a file, a folder (read recursively, in name order) or "-" for
 *   standard input
 *
 * Calls @func for every message: a file holding several (an mbox) gives
 * one call per message, labelled "path#N".
 */
void
bb_input_foreach_message (const char   *path,
                          GCancellable *cancellable,
                          BbMessageFunc func,
                          gpointer      user_data)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (func != NULL);

  foreach_message (path, cancellable, func, NULL, user_data);
}

/* ---- the pipeline: reader → workers → results in order ---- */

typedef struct
{
  guint64    seq;
  GPtrArray *labels;  /* char* */
  GPtrArray *datas;   /* GBytes* or NULL */
  GPtrArray *errors;  /* char* or NULL */
  GPtrArray *results; /* BbBounce* */
  GString   *text;    /* formatted results, when formatting in workers */
  guint      failures;
  gsize      bytes;
} Batch;

typedef struct
{
  pid_t pid;
  int  to_child;   /* its standard input */
  int  from_child; /* its standard output */
} Child;

typedef struct
{
  GThreadPool   *pool;
  GAsyncQueue   *children; /* idle Child*, when analysing in worker processes */
  GPtrArray     *all_children;
  GMutex         lock;
  GCond          cond;
  GHashTable    *done; /* seq → Batch */
  guint64        next_submit;
  guint64        next_emit;
  guint          max_in_flight;
  Batch         *current;
  BbInputFunc    func;
  BbAnalyzeFlags flags;
  BbFormatFunc   format;
  BbWriteFunc    write;
  gpointer       user_data;
  guint          failures;
  GCancellable  *cancellable;
} Pipeline;

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->labels = g_ptr_array_new_with_free_func (g_free);
  batch->datas = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  batch->errors = g_ptr_array_new_with_free_func (g_free);
  batch->results = g_ptr_array_new_with_free_func (g_object_unref);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->labels);
  g_ptr_array_unref (batch->datas);
  g_ptr_array_unref (batch->errors);
  g_ptr_array_unref (batch->results);
  if (batch->text != NULL)
    g_string_free (batch->text, TRUE);
  g_free (batch);
}

static void
batch_add (Batch     **batch,
           const char *label,
           GBytes     *data,
           const char *error)
{
  if (*batch == NULL)
    *batch = batch_new ();
  g_ptr_array_add ((*batch)->labels, g_strdup (label));
  g_ptr_array_add ((*batch)->datas, data != NULL ? g_bytes_ref (data) : NULL);
  g_ptr_array_add ((*batch)->errors, g_strdup (error));
  (*batch)->bytes += data != NULL ? g_bytes_get_size (data) : 0;
}

static void
batch_run (Batch    *batch,
           Pipeline *p)
{
  for (guint i = 0; i < batch->labels->len; i++)
    {
      const char *label = g_ptr_array_index (batch->labels, i);
      GBytes     *data = g_ptr_array_index (batch->datas, i);
      const char *error = g_ptr_array_index (batch->errors, i);
      BbBounce   *bounce;

      if (data != NULL)
        bounce = bb_analyze_bytes_with_flags (data, label, p->flags);
      else
        {
          bounce = _bb_bounce_new (label);
          bounce->kind = BB_KIND_UNREADABLE;
          bounce->error = g_strdup (error);
        }
      if (bb_bounce_get_kind (bounce) == BB_KIND_UNREADABLE)
        batch->failures++;
      if (p->format != NULL)
        {
          if (batch->text == NULL)
            batch->text = g_string_sized_new (16 * 1024);
          p->format (bounce, batch->text, p->user_data);
          g_object_unref (bounce);
        }
      else
        g_ptr_array_add (batch->results, bounce);
    }
  /* The input is no longer needed: free it now, not when emitted. */
  g_ptr_array_set_size (batch->datas, 0);
}

/* ---- worker processes: the same batches, analysed in another process ----
 *
 * GObject takes a process-wide lock whenever an object is destroyed and
 * shares class reference counts between threads, and GMime builds and
 * destroys about a hundred objects per message: two threads spend much
 * of their time waiting for each other.  Two processes do not.  The
 * frames are native-endian (both ends are the same binary on the same
 * machine):
 *   request  = u64 size of the rest, u32 count,
 *              count × (string label, string error, string data)
 *   response = u32 failures, string text
 *   string   = u32 length (G_MAXUINT32 for none), bytes
 */

static gboolean
write_all (int         fd,
           const void *buf,
           gsize       len)
{
  const char *p = buf;

  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
read_all (int   fd,
          void *buf,
          gsize len)
{
  char *p = buf;

  while (len > 0)
    {
      gssize n = read (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
write_string (GString    *out,
              const char *data,
              gsize       len)
{
  guint32 n = data != NULL ? (guint32) len : G_MAXUINT32;

  if (data != NULL && len >= G_MAXUINT32)
    return FALSE;
  g_string_append_len (out, (const char *) &n, sizeof n);
  if (data != NULL)
    g_string_append_len (out, data, len);
  return TRUE;
}

static char *
read_string (int    fd,
             gsize *len)
{
  guint32 n;
  char   *s;

  if (!read_all (fd, &n, sizeof n) || n == G_MAXUINT32)
    return NULL;
  s = g_malloc (n + 1);
  if (!read_all (fd, s, n))
    {
      g_free (s);
      return NULL;
    }
  s[n] = '\0';
  *len = n;
  return s;
}

/* A worker's answer for an analysed batch: its failures, its text. */
static gboolean
write_reply (int    fd,
             Batch *batch)
{
  g_autoptr (GString) frame = g_string_sized_new (batch->text != NULL ? batch->text->len + 16 : 16);

  g_string_append_len (frame, (const char *) &batch->failures, sizeof batch->failures);
  write_string (frame, batch->text != NULL ? batch->text->str : "", batch->text != NULL ? batch->text->len : 0);
  return write_all (fd, frame->str, frame->len);
}

/* Sends @batch to a worker process and reads back its text; FALSE when
 * the worker is gone (the caller then analyses the batch itself). */
static gboolean
batch_run_remote (Batch *batch,
                  Child *child)
{
  g_autoptr (GString) frame = g_string_sized_new (batch->bytes + 256);
  guint32 count = batch->labels->len;
  guint32 failures = 0;
  guint64 size = 0;
  gsize   len = 0;
  char   *text;

  g_string_append_len (frame, (const char *) &size, sizeof size);
  g_string_append_len (frame, (const char *) &count, sizeof count);
  for (guint i = 0; i < count; i++)
    {
      const char *label = g_ptr_array_index (batch->labels, i);
      const char *error = g_ptr_array_index (batch->errors, i);
      GBytes     *data = g_ptr_array_index (batch->datas, i);
      gsize       dlen = 0;
      const char *d = data != NULL ? g_bytes_get_data (data, &dlen) : NULL;

      if (!write_string (frame, label, strlen (label)) ||
          !write_string (frame, error, error != NULL ? strlen (error) : 0) ||
          !write_string (frame, d != NULL ? d : (data != NULL ? "" : NULL), dlen))
        return FALSE;
    }
  size = frame->len - sizeof size;
  memcpy (frame->str, &size, sizeof size);
  if (!write_all (child->to_child, frame->str, frame->len) ||
      !read_all (child->from_child, &failures, sizeof failures))
    return FALSE;
  text = read_string (child->from_child, &len);
  if (text == NULL)
    return FALSE;
  batch->failures = failures;
  batch->text = g_string_new_len (text, len);
  g_free (text);
  g_ptr_array_set_size (batch->datas, 0);
  return TRUE;
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Batch    *batch = data;
  Pipeline *p = user_data;
  Child    *child = p->children != NULL ? g_async_queue_pop (p->children) : NULL;

  if (child == NULL || child->pid == 0 || !batch_run_remote (batch, child))
    {
      if (child != NULL && child->pid != 0)
        {
          /* The worker died: analyse here from now on with this slot. */
          close (child->to_child);
          close (child->from_child);
          child->pid = 0;
        }
      batch_run (batch, p);
    }
  if (child != NULL)
    g_async_queue_push (p->children, child);
  g_mutex_lock (&p->lock);
  g_hash_table_insert (p->done, &batch->seq, batch);
  g_cond_broadcast (&p->cond);
  g_mutex_unlock (&p->lock);
}

static void
emit_batch (Pipeline *p,
            Batch    *batch)
{
  p->failures += batch->failures;
  for (guint i = 0; i < batch->results->len; i++)
    p->func (g_ptr_array_index (batch->results, i), p->user_data);
  if (batch->text != NULL && batch->text->len > 0)
    p->write (batch->text->str, batch->text->len, p->user_data);
  batch_free (batch);
}

/* Emits finished batches in order; with @wait_until, blocks until at most
 * that many are in flight. */
static void
drain (Pipeline *p,
       guint     wait_until)
{
  for (;;)
    {
      Batch *batch;

      g_mutex_lock (&p->lock);
      while (p->next_submit - p->next_emit > wait_until &&
             !g_hash_table_contains (p->done, &p->next_emit))
        g_cond_wait (&p->cond, &p->lock);
      batch = g_hash_table_lookup (p->done, &p->next_emit);
      if (batch != NULL)
        {
          g_hash_table_steal (p->done, &p->next_emit);
          p->next_emit++;
        }
      g_mutex_unlock (&p->lock);
      if (batch == NULL)
        return;
      emit_batch (p, batch);
    }
}

static void
submit (Pipeline *p)
{
  Batch *batch = g_steal_pointer (&p->current);

  if (batch == NULL)
    return;
  batch->seq = p->next_submit++;
  if (p->pool == NULL)
    {
      batch_run (batch, p);
      p->next_emit++;
      emit_batch (p, batch);
      return;
    }
  g_thread_pool_push (p->pool, batch, NULL);
  drain (p, p->max_in_flight);
}

static gboolean
on_message (const char *label,
            GBytes     *data,
            const char *error,
            gpointer    user_data)
{
  Pipeline *p = user_data;

  if (g_cancellable_is_cancelled (p->cancellable))
    return FALSE;
  batch_add (&p->current, label, data, error);
  if (p->current->labels->len >= BATCH_MESSAGES || p->current->bytes >= BATCH_BYTES)
    submit (p);
  return TRUE;
}

/* Whether this process runs one thread only: then fork() copies all of
 * it, and the child may go on with GLib and GMime as they are. */
static gboolean
is_single_threaded (void)
{
  g_autoptr (GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return FALSE;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n == 1;
}

static int bb_input_serve (int in_fd, int out_fd, BbFormatFunc format, gpointer user_data);

/* The worker's life: its two pipe ends, the batches, then out.  _exit():
 * nothing of the parent's (stdio buffers, atexit handlers) runs twice. */
G_GNUC_NORETURN static void
child_main (Pipeline *p,
            int       in_fd,
            int       out_fd,
            gpointer  data)
{
  _exit (bb_input_serve (in_fd, out_fd, p->format, p->user_data));
}

/* What a forked worker runs; it never returns. */
typedef void (*WorkerMain) (Pipeline *p, int in_fd, int out_fd, gpointer data);

/* Whether this process may fork workers: then what stdio holds now is
 * written out first, or it would be written twice. */
static gboolean
can_fork (void)
{
  if (!is_single_threaded ())
    return FALSE;
  fflush (stdout);
  fflush (stderr);
  return TRUE;
}

/* Forks one worker with a pipe back, and one to it when @feed; it runs
 * @main.  NULL when it cannot start. */
static Child *
fork_worker (Pipeline  *p,
             gboolean   feed,
             WorkerMain main,
             gpointer   data)
{
  int    down[2] = { -1, -1 };
  int    up[2];
  pid_t  pid;
  Child *child;

  if (feed && pipe (down) != 0)
    return NULL;
  if (pipe (up) != 0)
    {
      if (feed)
        {
          close (down[0]);
          close (down[1]);
        }
      return NULL;
    }
  pid = fork ();
  if (pid == 0)
    {
      /* the other workers' pipes stay open in the parent only, or they
       * would never see the end of their input */
      for (guint k = 0; k < p->all_children->len; k++)
        {
          Child *other = g_ptr_array_index (p->all_children, k);

          if (other->to_child >= 0)
            close (other->to_child);
          close (other->from_child);
        }
      if (feed)
        close (down[1]);
      close (up[0]);
      main (p, down[0], up[1], data);
    }
  if (feed)
    close (down[0]);
  close (up[1]);
  if (pid < 0)
    {
      if (feed)
        close (down[1]);
      close (up[0]);
      return NULL;
    }
  child = g_new0 (Child, 1);
  child->pid = pid;
  child->to_child = feed ? down[1] : -1;
  child->from_child = up[0];
  g_ptr_array_add (p->all_children, child);
  return child;
}

/* Forks @n workers; FALSE when there are none (the caller then analyses
 * with threads in this process). */
static gboolean
children_start (Pipeline *p,
                guint     n)
{
  if (!can_fork ())
    return FALSE;
  p->children = g_async_queue_new ();
  p->all_children = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      Child *child = fork_worker (p, TRUE, child_main, NULL);

      if (child == NULL)
        break;
      g_async_queue_push (p->children, child);
    }
  if (p->all_children->len == 0)
    {
      g_clear_pointer (&p->all_children, g_ptr_array_unref);
      g_clear_pointer (&p->children, g_async_queue_unref);
      return FALSE;
    }
  return TRUE;
}

static void
children_stop (Pipeline *p)
{
  if (p->all_children == NULL)
    return;
  for (guint i = 0; i < p->all_children->len; i++)
    {
      Child *child = g_ptr_array_index (p->all_children, i);
      int    status = 0;

      if (child->pid == 0)
        continue;
      if (child->to_child >= 0)
        close (child->to_child); /* end of input: the worker exits */
      close (child->from_child);
      while (waitpid (child->pid, &status, 0) < 0 && errno == EINTR)
        ;
    }
  g_clear_pointer (&p->all_children, g_ptr_array_unref);
  g_clear_pointer (&p->children, g_async_queue_unref);
}

/* ---- workers that read the input themselves ----
 *
 * For files and folders (not standard input, pipes or devices, which can
 * be read once only), every worker reads all of the input and cuts it
 * into the same batches as the reader above would, and analyses every
 * n-th batch: worker k takes batches k, k + n, k + 2n …  No message
 * crosses a pipe, and this process only writes the workers' results out,
 * in order.  A worker's frames are the ones bb_input_serve() answers
 * with; after its last batch it sends a SplitEnd, whose failure count
 * G_MAXUINT32 says it is done. */

#define END_OF_BATCHES G_MAXUINT32
#define SPLIT_PIPE_SIZE (1024 * 1024)

typedef struct
{
  Pipeline *p;
  guint     index;     /* which worker */
  guint     n;         /* of how many (1: every batch) */
  guint64   skip;      /* batches before this one are done already */
  guint64   batch;     /* the batch being cut */
  guint     count;     /* its messages so far */
  gsize     bytes;     /* and bytes */
  Batch    *current;   /* when it is this worker's */
  int       out_fd;    /* where its frames go; -1: to p->write */
  gboolean  broken;    /* writing failed: stop */
  guint64   seen;      /* messages read, all batches */
  guint32   digest;    /* of their sizes, in order */
  gboolean  full;      /* the last message counted ends its batch */
  gboolean  counted;   /* the message being handed over is counted */
} Split;

/* What a worker says after its last batch: what it read, so that the
 * main process can tell whether every worker read the same input. */
typedef struct
{
  guint32 marker; /* END_OF_BATCHES */
  guint32 digest;
  guint64 seen;
} SplitEnd;

static void
split_flush (Split *s)
{
  Batch *batch = g_steal_pointer (&s->current);

  if (batch != NULL)
    {
      batch_run (batch, s->p);
      if (s->out_fd >= 0)
        s->broken = !write_reply (s->out_fd, batch);
      else
        {
          s->p->failures += batch->failures;
          if (batch->text != NULL && batch->text->len > 0)
            s->p->write (batch->text->str, batch->text->len, s->p->user_data);
        }
      batch_free (batch);
    }
  s->batch++;
  s->count = 0;
  s->bytes = 0;
}

/* Counts a message into the batches, which are cut exactly as
 * on_message() cuts them; returns whether it falls in one of this
 * worker's. */
static gboolean
split_count (Split *s,
             gsize  size)
{
  gboolean mine = s->batch >= s->skip && s->batch % s->n == s->index;

  /* FNV-1a over the sizes */
  s->digest = (s->digest ^ (guint32) size) * 16777619u;
  s->seen++;
  s->count++;
  s->bytes += size;
  s->full = s->count >= BATCH_MESSAGES || s->bytes >= BATCH_BYTES;
  return mine;
}

/* Before a message is handed over: only this worker's are. */
static gboolean
split_want (gsize    size,
            gpointer user_data)
{
  Split *s = user_data;

  if (split_count (s, size))
    {
      s->counted = TRUE;
      return TRUE;
    }
  if (s->full)
    split_flush (s);
  return FALSE;
}

static gboolean
split_on_message (const char *label,
                  GBytes     *data,
                  const char *error,
                  gpointer    user_data)
{
  Split   *s = user_data;
  gboolean mine;

  /* a file that cannot be read, or an empty one, comes unasked */
  if (s->counted)
    mine = TRUE;
  else
    mine = split_count (s, data != NULL ? g_bytes_get_size (data) : 0);
  s->counted = FALSE;
  if (mine)
    batch_add (&s->current, label, data, error);
  if (s->full)
    split_flush (s);
  if (s->p->cancellable != NULL && g_cancellable_is_cancelled (s->p->cancellable))
    return FALSE;
  return !s->broken;
}

static void
split_read_all (Split             *s,
                const char *const *paths)
{
  for (guint i = 0; paths[i] != NULL && !s->broken; i++)
    {
      if (s->p->cancellable != NULL && g_cancellable_is_cancelled (s->p->cancellable))
        return;
      foreach_message (paths[i], NULL, split_on_message, split_want, s);
    }
  if (s->count > 0 && !s->broken)
    split_flush (s);
}

/* Which worker of how many, reading what. */
typedef struct
{
  const char *const *paths;
  guint              index;
  guint              n;
} SplitWorker;

G_GNUC_NORETURN static void
split_child_main (Pipeline *p,
                  int       in_fd,
                  int       out_fd,
                  gpointer  data)
{
  const SplitWorker *w = data;
  Split              s = { .p = p, .index = w->index, .n = w->n, .out_fd = out_fd, .digest = 2166136261u };
  SplitEnd end = { END_OF_BATCHES, 0, 0 };

  /* the parent's cancellable is never cancelled here: the parent stops a
   * worker by closing its pipe */
  p->cancellable = NULL;
  split_read_all (&s, w->paths);
  g_clear_pointer (&s.current, batch_free);
  end.digest = s.digest;
  end.seen = s.seen;
  if (!s.broken)
    write_all (out_fd, &end, sizeof end);
  _exit (s.broken ? 1 : 0);
}

/* Starts @n workers, each with a pipe back; FALSE when none can start. */
static gboolean
split_children_start (Pipeline          *p,
                      const char *const *paths,
                      guint              n)
{
  if (!can_fork ())
    return FALSE;
  p->all_children = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      SplitWorker w = { paths, i, n };
      Child      *child = fork_worker (p, FALSE, split_child_main, &w);

      if (child == NULL)
        break;
      /* room for a few batches of results, so that a worker need not
       * wait for the others while its batches are read in order */
      fcntl (child->from_child, F_SETPIPE_SZ, SPLIT_PIPE_SIZE);
    }
  if (p->all_children->len == n)
    return TRUE;
  /* all or none: the batches are dealt out by the workers' count */
  for (guint k = 0; k < p->all_children->len; k++)
    kill (((Child *) g_ptr_array_index (p->all_children, k))->pid, SIGKILL);
  children_stop (p);
  return FALSE;
}

/* The workers are done: did they all read the same?  A file that grew or
 * a folder that changed while they read it would have them cut different
 * batches, and results could be missing or twice in the output: FALSE
 * then.  (A worker that went away after its last batch wrote everything
 * it had to: its silence is no disagreement.) */
static gboolean
split_ends_agree (Pipeline *p,
                  guint     first)
{
  guint    n = p->all_children->len;
  SplitEnd ref = { 0 };
  gboolean have_ref = FALSE;

  for (guint k = 0; k < n; k++)
    {
      Child   *child = g_ptr_array_index (p->all_children, (first + k) % n);
      SplitEnd end = { 0 };
      gboolean read;

      /* the first one's marker is read already */
      if (k == 0)
        read = read_all (child->from_child, ((char *) &end) + sizeof end.marker, sizeof end - sizeof end.marker);
      else
        read = read_all (child->from_child, &end, sizeof end);
      if (!read)
        continue;
      if (k > 0 && end.marker != END_OF_BATCHES)
        return FALSE; /* it has a batch the first one has not */
      if (have_ref && (end.seen != ref.seen || end.digest != ref.digest))
        return FALSE;
      ref = end;
      have_ref = TRUE;
    }
  return TRUE;
}

/* Writes the workers' results in batch order.  A worker that goes away
 * before saying it is done leaves the rest to this process: it reads the
 * input again and analyses every batch from the first one missing. */
static void
split_collect (Pipeline          *p,
               const char *const *paths)
{
  guint n = p->all_children->len;

  for (guint64 b = 0;; b++)
    {
      Child   *child = g_ptr_array_index (p->all_children, b % n);
      guint32  failures = 0;
      gsize    len = 0;
      char    *text = NULL;
      gboolean have = FALSE;

      if (g_cancellable_is_cancelled (p->cancellable))
        return;
      have = read_all (child->from_child, &failures, sizeof failures);
      if (have && failures == END_OF_BATCHES)
        {
          if (!split_ends_agree (p, b % n))
            {
              g_printerr (_ ("Warning: the input changed while it was being read; some messages may be missing "
                             "from the results or appear twice.\n"));
              p->failures++;
            }
          return;
        }
      if (have)
        text = read_string (child->from_child, &len);
      if (text == NULL)
        {
          Split s = { .p = p, .index = 0, .n = 1, .skip = b, .out_fd = -1 };

          g_debug ("worker %u stopped before batch %" G_GUINT64_FORMAT ": going on here", (guint) (b % n), b);
          for (guint k = 0; k < n; k++)
            kill (((Child *) g_ptr_array_index (p->all_children, k))->pid, SIGKILL);
          split_read_all (&s, paths);
          g_clear_pointer (&s.current, batch_free);
          return;
        }
      p->failures += failures;
      if (len > 0)
        p->write (text, len, p->user_data);
      g_free (text);
    }
}

/* Whether every worker can read @paths for itself: files and folders can
 * be; standard input, pipes and devices can be read once only. */
static gboolean
can_be_read_again (const char *const *paths)
{
  for (guint i = 0; paths[i] != NULL; i++)
    if (strcmp (paths[i], "-") == 0 ||
        !(g_file_test (paths[i], G_FILE_TEST_IS_REGULAR) || g_file_test (paths[i], G_FILE_TEST_IS_DIR)))
      {
        /* a missing file is read again as easily: it fails the same */
        if (strcmp (paths[i], "-") != 0 && !g_file_test (paths[i], G_FILE_TEST_EXISTS))
          continue;
        return FALSE;
      }
  return TRUE;
}

/* Reader → workers → results in order, as objects or as text. */
static guint
run (const char *const *paths,
     guint              n_threads,
     BbAnalyzeFlags     flags,
     GCancellable      *cancellable,
     BbInputFunc        func,
     BbFormatFunc       format,
     BbWriteFunc        write,
     gboolean           in_processes,
     gpointer           user_data)
{
  Pipeline p = { 0 };

  if (n_threads == 0)
    n_threads = MAX (1, g_get_num_processors ());
  p.func = func;
  p.flags = flags;
  p.format = format;
  p.write = write;
  p.user_data = user_data;
  p.cancellable = cancellable;
  p.max_in_flight = n_threads * 4;
  p.done = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_mutex_init (&p.lock);
  g_cond_init (&p.cond);
  if (n_threads > 1 && in_processes && can_be_read_again (paths) &&
      split_children_start (&p, paths, n_threads))
    {
      split_collect (&p, paths);
      if (g_cancellable_is_cancelled (cancellable))
        for (guint k = 0; k < p.all_children->len; k++)
          kill (((Child *) g_ptr_array_index (p.all_children, k))->pid, SIGKILL);
      children_stop (&p);
      g_hash_table_unref (p.done);
      g_mutex_clear (&p.lock);
      g_cond_clear (&p.cond);
      return p.failures;
    }
  if (n_threads > 1)
    {
      if (in_processes)
        children_start (&p, n_threads);
      p.pool = g_thread_pool_new (worker, &p, n_threads, FALSE, NULL);
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      bb_input_foreach_message (paths[i], cancellable, on_message, &p);
    }
  submit (&p);
  if (p.pool != NULL)
    {
      drain (&p, 0);
      g_thread_pool_free (p.pool, FALSE, TRUE);
      drain (&p, 0);
    }
  children_stop (&p);

  /* Batches never emitted (cancelled): drop them. */
  {
    GHashTableIter iter;
    gpointer       value;

    g_hash_table_iter_init (&iter, p.done);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      batch_free (value);
  }
  g_hash_table_unref (p.done);
  g_mutex_clear (&p.lock);
  g_cond_clear (&p.cond);
  return p.failures;
}

/**
 * bb_input_analyze:
 * @paths: files, folders or "-", %NULL-terminated
 * @n_threads: worker threads (0: one per processor; 1: no threads)
 * @func: receives every result, in input order, on the calling thread
 *
 * Returns: how many inputs could not be read
 */
guint
bb_input_analyze (const char *const *paths,
                  guint              n_threads,
                  GCancellable      *cancellable,
                  BbInputFunc        func,
                  gpointer           user_data)
{
  return bb_input_analyze_with_flags (paths, n_threads, BB_ANALYZE_DEFAULT, cancellable, func, user_data);
}

/**
 * bb_input_analyze_with_flags:
 * @flags: passed to bb_analyze_bytes_with_flags()
 *
 * As bb_input_analyze().
 *
 * Returns: how many inputs could not be read
 */
guint
bb_input_analyze_with_flags (const char *const *paths,
                             guint              n_threads,
                             BbAnalyzeFlags     flags,
                             GCancellable      *cancellable,
                             BbInputFunc        func,
                             gpointer           user_data)
{
  g_return_val_if_fail (paths != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);
  return run (paths, n_threads, flags, cancellable, func, NULL, NULL, FALSE, user_data);
}

/**
 * bb_input_analyze_formatted:
 * @format: turns one result into text, on a worker thread
 * @write: receives the text in input order, on the calling thread
 *
 * As bb_input_analyze(), for output that is only text (the CLI): the
 * results are formatted where they are computed.
 *
 * Returns: how many inputs could not be read
 */
guint
bb_input_analyze_formatted (const char *const *paths,
                            guint              n_threads,
                            GCancellable      *cancellable,
                            BbFormatFunc       format,
                            BbWriteFunc        write,
                            gpointer           user_data)
{
  g_return_val_if_fail (paths != NULL, 0);
  g_return_val_if_fail (format != NULL && write != NULL, 0);
  return run (paths, n_threads, BB_ANALYZE_DEFAULT, cancellable, NULL, format, write, FALSE, user_data);
}

/**
 * bb_input_analyze_in_processes:
 * @n_workers: worker processes (0: one per processor)
 *
 * As bb_input_analyze_formatted(), with the analysis done by worker
 * processes forked from this one: GMime builds and destroys dozens of
 * GObjects per message, and GObject takes process-wide locks for each,
 * so two threads spend much of their time waiting for each other where
 * two processes do not.  Forking (not starting a program) keeps
 * everything this process has set up, and costs no second start.
 *
 * Only a process that runs one thread may fork: from any other, and when
 * a worker cannot start, the analysis runs on threads here instead.
 * Batches a worker cannot take (it died) are analysed in this process.
 *
 * Returns: how many inputs could not be read
 */
guint
bb_input_analyze_in_processes (const char *const *paths,
                               guint              n_workers,
                               GCancellable      *cancellable,
                               BbFormatFunc       format,
                               BbWriteFunc        write,
                               gpointer           user_data)
{
  g_return_val_if_fail (paths != NULL, 0);
  g_return_val_if_fail (format != NULL && write != NULL, 0);
  if (n_workers == 0)
    n_workers = MAX (1, g_get_num_processors ());
  /* One worker would only add a copy: analyse in this process. */
  return run (paths, n_workers, BB_ANALYZE_DEFAULT, cancellable, NULL, format, write,
              n_workers > 1, user_data);
}

/* The worker side of bb_input_analyze_in_processes(): analyses and
 * formats every batch that arrives on @in_fd, writes the results to
 * @out_fd, until the end of its input.  0 then; 1 on a broken frame. */
static int
bb_input_serve (int          in_fd,
                int          out_fd,
                BbFormatFunc format,
                gpointer     user_data)
{
  Pipeline p = { 0 };

  g_return_val_if_fail (format != NULL, 1);
  p.format = format;
  p.user_data = user_data;
  for (;;)
    {
      Batch  *batch;
      guint64 size;
      guint32 count;
      g_autofree char *frame = NULL;
      const char      *q, *end;
      gboolean         ok = TRUE;

      if (!read_all (in_fd, &size, sizeof size))
        return 0;
      if (size < sizeof count || size > G_MAXSIZE / 2)
        return 1;
      frame = g_malloc (size);
      if (!read_all (in_fd, frame, size))
        return 1;
      q = frame;
      end = frame + size;
      memcpy (&count, q, sizeof count);
      q += sizeof count;
      batch = batch_new ();
      for (guint32 i = 0; i < count && ok; i++)
        {
          const char *field[3] = { NULL, NULL, NULL };
          guint32     flen[3] = { 0, 0, 0 };

          for (guint f = 0; f < 3 && ok; f++)
            {
              guint32 n;

              ok = (gsize) (end - q) >= sizeof n;
              if (!ok)
                break;
              memcpy (&n, q, sizeof n);
              q += sizeof n;
              if (n == G_MAXUINT32)
                continue;
              ok = (gsize) (end - q) >= n;
              if (ok)
                {
                  field[f] = q;
                  flen[f] = n;
                  q += n;
                }
            }
          if (!ok)
            break;
          g_ptr_array_add (batch->labels, g_strndup (field[0] != NULL ? field[0] : "", flen[0]));
          g_ptr_array_add (batch->errors, field[1] != NULL ? g_strndup (field[1], flen[1]) : NULL);
          g_ptr_array_add (batch->datas, field[2] != NULL ? g_bytes_new (field[2], flen[2]) : NULL);
        }
      if (!ok)
        {
          batch_free (batch);
          return 1;
        }
      batch_run (batch, &p);
      ok = write_reply (out_fd, batch);
      batch_free (batch);
      if (!ok)
        return 1;
    }
}
