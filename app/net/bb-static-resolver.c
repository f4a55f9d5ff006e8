/* bb-static-resolver.c - a GResolver that answers from a table: the
 * tests' DNS (no real look-ups in tests), and the CLI's when
 * BOUNCEBACK_DNS_TABLE names such a table
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table, one answer per line ('#' starts a comment):
 *   MX   example.com 10 mx1.example.com     a mail server
 *   NS   example.com ns1.example.net        a name server
 *   A    example.com 192.0.2.1              an address (IPv4 or IPv6)
 *   FAIL example.com                        a temporary failure, any type
 *   HANG example.com                        no answer until cancelled
 * A name without a line of the type asked is "not found"; names compare
 * without case and without a final dot.
 */

#include "config.h"

#include "bb-static-resolver.h"

#include <string.h>

struct _BbStaticResolver
{
  GResolver   parent_instance;
  GHashTable *lines; /* "TYPE name" → GPtrArray of char* (the rest) */
};

G_DEFINE_FINAL_TYPE (BbStaticResolver, bb_static_resolver, G_TYPE_RESOLVER)

static char *
key_for (const char *type,
         const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  gsize            len = strlen (lower);

  if (len > 1 && lower[len - 1] == '.')
    lower[len - 1] = '\0';
  return g_strdup_printf ("%s %s", type, lower);
}

static GPtrArray *
lookup_lines (BbStaticResolver *self,
              const char       *type,
              const char       *name)
{
  g_autofree char *key = key_for (type, name);

  return g_hash_table_lookup (self->lines, key);
}

/* The answer for @type at @name: FALSE with @error set for "not found"
 * and failures; *hang for a name that never answers. */
static GPtrArray *
answer (BbStaticResolver *self,
        const char       *type,
        const char       *name,
        gboolean         *hang,
        GError          **error)
{
  GPtrArray *found;

  *hang = lookup_lines (self, "HANG", name) != NULL;
  if (*hang)
    return NULL;
  if (lookup_lines (self, "FAIL", name) != NULL)
    {
      g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE,
                   "Temporary failure looking up “%s” (table)", name);
      return NULL;
    }
  found = lookup_lines (self, type, name);
  if (found == NULL)
    {
      g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                   "No %s record for “%s” (table)", type, name);
      return NULL;
    }
  return found;
}

static GList *
addresses_for (GPtrArray *lines)
{
  GList *list = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      GInetAddress *address = g_inet_address_new_from_string (g_ptr_array_index (lines, i));

      if (address != NULL)
        list = g_list_append (list, address);
    }
  return list;
}

static GList *
records_for (GPtrArray          *lines,
             GResolverRecordType type)
{
  GList *list = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (type == G_RESOLVER_RECORD_MX)
        {
          char    *end = NULL;
          guint64  preference = g_ascii_strtoull (line, &end, 10);

          while (end != NULL && *end == ' ')
            end++;
          if (end != NULL && end != line && preference <= G_MAXUINT16)
            list = g_list_append (list, g_variant_ref_sink (g_variant_new ("(qs)", (guint16) preference, end)));
        }
      else
        list = g_list_append (list, g_variant_ref_sink (g_variant_new ("(s)", line)));
    }
  return list;
}

static const char *
record_type_name (GResolverRecordType type)
{
  switch (type)
    {
    case G_RESOLVER_RECORD_MX:
      return "MX";
    case G_RESOLVER_RECORD_NS:
      return "NS";
    case G_RESOLVER_RECORD_SRV:
    case G_RESOLVER_RECORD_TXT:
    case G_RESOLVER_RECORD_SOA:
    default:
      return "OTHER";
    }
}

typedef struct
{
  char               *name;
  GResolverRecordType type;
  gboolean            records;
  gulong              hang_handler;
} Query;

static void
query_free (Query *query)
{
  g_free (query->name);
  g_free (query);
}

static gboolean
return_cancelled_cb (gpointer data)
{
  GTask *task = data;
  Query *query = g_task_get_task_data (task);

  /* the handler holds a reference on the task: let go of it */
  g_cancellable_disconnect (g_task_get_cancellable (task), query->hang_handler);
  query->hang_handler = 0;
  g_task_return_error_if_cancelled (task);
  return G_SOURCE_REMOVE;
}

static void
hang_cancelled_cb (GCancellable *cancellable,
                   GTask        *task)
{
  /* answered from an idle, not inside g_cancellable_cancel(): the
   * caller may disconnect from cancellables in its callback */
  g_idle_add_full (G_PRIORITY_DEFAULT, return_cancelled_cb, g_object_ref (task), g_object_unref);
}

static void
answer_task (BbStaticResolver *self,
             GTask            *task)
{
  Query     *query = g_task_get_task_data (task);
  GError    *error = NULL;

  gboolean   hang = FALSE;
  GPtrArray *lines = answer (self, query->records ? record_type_name (query->type) : "A", query->name, &hang, &error);

  if (hang)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      /* keeps the task alive until it is cancelled */
      if (cancellable != NULL)
        query->hang_handler = g_cancellable_connect (cancellable, G_CALLBACK (hang_cancelled_cb),
                                                     g_object_ref (task), g_object_unref);
      return;
    }
  if (lines == NULL)
    g_task_return_error (task, error);
  else if (query->records)
    g_task_return_pointer (task, records_for (lines, query->type), NULL);
  else
    g_task_return_pointer (task, addresses_for (lines), NULL);
}

static void
start_query (BbStaticResolver   *self,
             const char         *name,
             gboolean            records,
             GResolverRecordType type,
             GCancellable       *cancellable,
             GAsyncReadyCallback callback,
             gpointer            user_data,
             gpointer            tag)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  Query *query = g_new0 (Query, 1);

  g_task_set_source_tag (task, tag);
  query->name = g_strdup (name);
  query->records = records;
  query->type = type;
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  answer_task (self, task);
}

static GList *
bb_static_resolver_lookup_by_name (GResolver    *resolver,
                                   const char   *hostname,
                                   GCancellable *cancellable,
                                   GError      **error)
{
  BbStaticResolver *self = BB_STATIC_RESOLVER (resolver);
  gboolean          hang = FALSE;
  GPtrArray        *lines = answer (self, "A", hostname, &hang, error);

  if (hang)
    {
      g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE, "No answer (table)");
      return NULL;
    }
  return lines != NULL ? addresses_for (lines) : NULL;
}

static void
bb_static_resolver_lookup_by_name_async (GResolver          *resolver,
                                         const char         *hostname,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  start_query (BB_STATIC_RESOLVER (resolver), hostname, FALSE, G_RESOLVER_RECORD_MX, cancellable, callback, user_data,
               bb_static_resolver_lookup_by_name_async);
}

static GList *
bb_static_resolver_lookup_by_name_finish (GResolver    *resolver,
                                          GAsyncResult *result,
                                          GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GList *
bb_static_resolver_lookup_records (GResolver          *resolver,
                                   const char         *rrname,
                                   GResolverRecordType record_type,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  BbStaticResolver *self = BB_STATIC_RESOLVER (resolver);
  gboolean          hang = FALSE;
  GPtrArray        *lines = answer (self, record_type_name (record_type), rrname, &hang, error);

  if (hang)
    {
      g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE, "No answer (table)");
      return NULL;
    }
  return lines != NULL ? records_for (lines, record_type) : NULL;
}

static void
bb_static_resolver_lookup_records_async (GResolver          *resolver,
                                         const char         *rrname,
                                         GResolverRecordType record_type,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  start_query (BB_STATIC_RESOLVER (resolver), rrname, TRUE, record_type, cancellable, callback, user_data,
               bb_static_resolver_lookup_records_async);
}

static GList *
bb_static_resolver_lookup_records_finish (GResolver    *resolver,
                                          GAsyncResult *result,
                                          GError      **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
bb_static_resolver_finalize (GObject *object)
{
  BbStaticResolver *self = BB_STATIC_RESOLVER (object);

  g_clear_pointer (&self->lines, g_hash_table_unref);
  G_OBJECT_CLASS (bb_static_resolver_parent_class)->finalize (object);
}

static void
bb_static_resolver_class_init (BbStaticResolverClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  object_class->finalize = bb_static_resolver_finalize;
  resolver_class->lookup_by_name = bb_static_resolver_lookup_by_name;
  resolver_class->lookup_by_name_async = bb_static_resolver_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = bb_static_resolver_lookup_by_name_finish;
  resolver_class->lookup_records = bb_static_resolver_lookup_records;
  resolver_class->lookup_records_async = bb_static_resolver_lookup_records_async;
  resolver_class->lookup_records_finish = bb_static_resolver_lookup_records_finish;
}

static void
bb_static_resolver_init (BbStaticResolver *self)
{
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * bb_static_resolver_add:
 * @type: "MX", "NS", "A", "FAIL" or "HANG"
 * @name: the name it answers for
 * @value: (nullable): the answer ("10 mx.example.com", "192.0.2.1"), or
 *   %NULL for FAIL and HANG
 */
void
bb_static_resolver_add (BbStaticResolver *self,
                        const char       *type,
                        const char       *name,
                        const char       *value)
{
  g_autofree char *key = NULL;
  GPtrArray       *lines;

  g_return_if_fail (BB_IS_STATIC_RESOLVER (self));
  key = key_for (type, name);
  lines = g_hash_table_lookup (self->lines, key);
  if (lines == NULL)
    {
      lines = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->lines, g_steal_pointer (&key), lines);
    }
  g_ptr_array_add (lines, g_strdup (value != NULL ? value : ""));
}

/**
 * bb_static_resolver_new_from_text:
 * @text: the table (see the top of this file)
 *
 * Returns: (transfer full): the resolver; lines it cannot read are
 *   skipped with a warning
 */
GResolver *
bb_static_resolver_new_from_text (const char *text)
{
  BbStaticResolver *self = g_object_new (BB_TYPE_STATIC_RESOLVER, NULL);
  g_auto (GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *words[3] = { NULL, NULL, NULL };
      char *p = line;

      if (*line == '\0' || *line == '#')
        continue;
      /* TYPE NAME [VALUE…], any run of blanks between */
      for (guint w = 0; w < 3 && *p != '\0'; w++)
        {
          words[w] = p;
          if (w == 2)
            break;
          while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
          if (*p != '\0')
            *p++ = '\0';
          while (*p == ' ' || *p == '\t')
            p++;
        }
      if (words[1] == NULL ||
          (strcmp (words[0], "FAIL") != 0 && strcmp (words[0], "HANG") != 0 && words[2] == NULL))
        {
          g_warning ("DNS table, line %u: not understood: %s", i + 1, lines[i]);
          continue;
        }
      bb_static_resolver_add (self, words[0], words[1], words[2]);
    }
  return G_RESOLVER (self);
}

/**
 * bb_resolver_for_environment:
 *
 * The resolver the app uses: the system's, or, when the environment
 * variable BOUNCEBACK_DNS_TABLE names a file, a #BbStaticResolver
 * answering from it (tests and demonstrations never touch real DNS).
 *
 * Returns: (transfer full): the resolver, or %NULL with @error set when
 *   the table cannot be read
 */
GResolver *
bb_resolver_for_environment (GError **error)
{
  const char      *table = g_getenv ("BOUNCEBACK_DNS_TABLE");
  g_autofree char *text = NULL;

  if (table == NULL || *table == '\0')
    return g_resolver_get_default ();
  if (!g_file_get_contents (table, &text, NULL, error))
    return NULL;
  return bb_static_resolver_new_from_text (text);
}
