/* bb-reference-page.c - the cheat-sheet: every status code, reply code and
 * reason the app knows, searchable, and exportable to CSV or Excel
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content only: the window gives the page its header bar.  The rows are
 * bb_reference_list_items() (app/store/bb-reference.c), in the user's
 * language, shown in a GtkListView.  The search matches every word typed
 * (all of them must match, in any order, ignoring case) against the code,
 * the reason's name and every text of the row, in the user's language and
 * in the other one the app speaks: the Chinese catalogue read both ways
 * gives the English text of a Chinese row and the Chinese of an English
 * one, so "mailbox" and "邮箱" find the same rows whatever the language.
 */

#include "config.h"

#include "bb-reference-page-private.h"
#include "bb-reference-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-reference.h"

/* The catalogue of the other language */
#define OTHER_LANGUAGE "zh_CN"
/* Each item's search text, casefolded, is kept on it under this key */
#define HAYSTACK_KEY "bb-reference-haystack"

struct _BbReferencePage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkButton       *export_button;
  GtkStack        *stack;
  GtkListView     *list_view;

  /* owned */
  GListModel           *items;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *results;
  char                 *query; /* as typed */
  GStrv                 terms; /* casefolded words of @query */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  char *last_toast;

  /* state */
  gboolean setting_text; /* the search entry's text is being set */
};

G_DEFINE_FINAL_TYPE (BbReferencePage, bb_reference_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the other language ---- */

static guint32
mo_word (const guchar *data,
         gsize         offset,
         gboolean      swap)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swap ? GUINT32_SWAP_LE_BE (word) : word;
}

/* Reads the compiled catalogue of OTHER_LANGUAGE (a GNU .mo file) into a
 * table that maps each msgid to its translation and each translation back
 * to its msgid.  Returns an empty table when there is none. */
static GHashTable *
load_other_language (void)
{
  GHashTable      *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char      *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;
  const guchar    *data;
  gboolean         swap;
  guint32          n, originals, translations;

  if (dir == NULL)
    return table;
  path = g_build_filename (dir, OTHER_LANGUAGE, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 20)
    return table;
  data = (const guchar *) contents;
  if (mo_word (data, 0, FALSE) == 0x950412de)
    swap = FALSE;
  else if (mo_word (data, 0, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return table;
  n = mo_word (data, 8, swap);
  originals = mo_word (data, 12, swap);
  translations = mo_word (data, 16, swap);
  if (originals > length || translations > length || n > (length - MAX (originals, translations)) / 8)
    return table;

  for (guint32 i = 0; i < n; i++)
    {
      guint32     id_len = mo_word (data, originals + 8 * i, swap);
      guint32     id_off = mo_word (data, originals + 8 * i + 4, swap);
      guint32     str_len = mo_word (data, translations + 8 * i, swap);
      guint32     str_off = mo_word (data, translations + 8 * i + 4, swap);
      const char *id, *str;

      if (id_off >= length || id_len >= length - id_off || str_off >= length || str_len >= length - str_off)
        continue;
      /* Up to the first NUL: the singular of a plural entry */
      id = (const char *) data + id_off;
      str = (const char *) data + str_off;
      if (*id == '\0' || *str == '\0' || strchr (id, '\004') != NULL || !g_utf8_validate (str, -1, NULL))
        continue;
      g_hash_table_insert (table, g_strdup (id), g_strdup (str));
      if (!g_hash_table_contains (table, str))
        g_hash_table_insert (table, g_strdup (str), g_strdup (id));
    }
  return table;
}

/* ---- search ---- */

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static void
haystack_add (GString    *haystack,
              GHashTable *other,
              const char *text)
{
  const char *other_text;

  if (text == NULL || *text == '\0')
    return;
  g_string_append (haystack, text);
  g_string_append_c (haystack, '\n');
  other_text = g_hash_table_lookup (other, text);
  if (other_text != NULL)
    {
      g_string_append (haystack, other_text);
      g_string_append_c (haystack, '\n');
    }
}

/* For a code: what its class says (the first digit) */
static const char *
code_class_label (BbReferenceItem *item)
{
  const char *code = bb_reference_item_get_code (item);

  if (bb_reference_item_get_kind (item) == BB_REFERENCE_KIND_REASON || code == NULL)
    return NULL;
  switch (code[0])
    {
    case '5':
      /* Translators: in the cheat-sheet, under a 5.x.x or 5xx code */
      return _ ("Class 5: permanent failure");
    case '4':
      /* Translators: in the cheat-sheet, under a 4.x.x or 4xx code */
      return _ ("Class 4: temporary failure");
    case '2':
      /* Translators: in the cheat-sheet, under a 2.x.x or 2xx code */
      return _ ("Class 2: success");
    case '3':
      /* Translators: in the cheat-sheet, under a 3xx code */
      return _ ("Class 3: the server waits for more");
    default:
      return NULL;
    }
}

/* The row's second line: kind, hard or soft, urgency, who must act */
static char *
facts_text (BbReferenceItem *item)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) parts = NULL;
  const char *texts[] = {
    bb_reference_kind_title (bb_reference_item_get_kind (item)),
    code_class_label (item),
    bb_reference_item_get_bounce_type (item),
    bb_reference_item_get_urgency (item),
    bb_reference_item_get_side (item),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && *texts[i] != '\0')
      g_strv_builder_add (builder, texts[i]);
  parts = g_strv_builder_end (builder);
  /* Translators: separates the facts under a row of the cheat-sheet */
  return g_strjoinv (_ (" · "), parts);
}

static char *
steps_text (BbReferenceItem *item)
{
  const char *const *steps = bb_reference_item_get_steps (item);

  if (steps == NULL || steps[0] == NULL)
    return NULL;
  return g_strjoinv ("\n", (char **) steps);
}

static void
add_haystacks (GListModel *items)
{
  g_autoptr (GHashTable) other = load_other_language ();
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BbReferenceItem) item = g_list_model_get_item (items, i);
      g_autoptr (GString) haystack = g_string_new (NULL);
      const char *const *steps = bb_reference_item_get_steps (item);

      haystack_add (haystack, other, bb_reference_item_get_code (item));
      haystack_add (haystack, other, bb_reference_kind_title (bb_reference_item_get_kind (item)));
      haystack_add (haystack, other, code_class_label (item));
      haystack_add (haystack, other, bb_reference_item_get_title (item));
      haystack_add (haystack, other, bb_reference_item_get_explanation (item));
      haystack_add (haystack, other, bb_reference_item_get_bounce_type (item));
      haystack_add (haystack, other, bb_reference_item_get_urgency (item));
      haystack_add (haystack, other, bb_reference_item_get_side (item));
      for (guint s = 0; steps != NULL && steps[s] != NULL; s++)
        {
          /* "1. Check the address": the catalogue has the text only */
          const char *text = steps[s];

          while (g_ascii_isdigit (*text))
            text++;
          if (text[0] == '.' && text[1] == ' ')
            text += 2;
          else
            text = steps[s];
          haystack_add (haystack, other, text);
        }
      g_object_set_data_full (G_OBJECT (item), HAYSTACK_KEY, fold (haystack->str), g_free);
    }
}

static gboolean
filter_cb (gpointer object,
           gpointer user_data)
{
  BbReferencePage *self = user_data;
  const char      *haystack = g_object_get_data (object, HAYSTACK_KEY);

  if (self->terms == NULL)
    return TRUE;
  for (guint i = 0; self->terms[i] != NULL; i++)
    if (haystack == NULL || strstr (haystack, self->terms[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
update_stack (BbReferencePage *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0;

  gtk_stack_set_visible_child_name (self->stack, none ? "none" : "list");
}

/* ---- rows ---- */

static GtkWidget *
row_label_new (GtkWidget  *box,
               const char *key,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  g_object_set_data (G_OBJECT (box), key, label);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *code = row_label_new (box, "code", "heading");
  GtkWidget *title = row_label_new (box, "title", "heading");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (code), FALSE);
  gtk_label_set_selectable (GTK_LABEL (code), FALSE);
  gtk_widget_add_css_class (code, "monospace");
  gtk_widget_set_valign (code, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (title, GTK_ALIGN_BASELINE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), code);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), row_label_new (box, "facts", "caption"));
  gtk_box_append (GTK_BOX (box), row_label_new (box, "explanation", NULL));
  gtk_box_append (GTK_BOX (box), row_label_new (box, "steps", NULL));
  gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "facts"), "dim-label");
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
set_row_label (GtkWidget  *box,
               const char *key,
               const char *text)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (box), key);

  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  BbReferenceItem *item = gtk_list_item_get_item (list_item);
  GtkWidget       *box = gtk_list_item_get_child (list_item);
  g_autofree char *facts = facts_text (item);
  g_autofree char *steps = steps_text (item);

  set_row_label (box, "code", bb_reference_item_get_code (item));
  set_row_label (box, "title", bb_reference_item_get_title (item));
  set_row_label (box, "facts", facts);
  set_row_label (box, "explanation", bb_reference_item_get_explanation (item));
  set_row_label (box, "steps", steps);
}

/* ---- export ---- */

typedef struct
{
  char          *path;
  BbExportFormat format;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError    *error = NULL;
  guint      n_rows = 0;

  if (!bb_reference_export (job->format, job->path, &n_rows, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n_rows);
}

static void
export_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BbReferencePage *self = BB_REFERENCE_PAGE (source);
  g_autoptr (GError) error = NULL;
  ExportJob       *job = g_task_get_task_data (G_TASK (result));
  gssize           n_rows = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *name = g_filename_display_basename (job->path);
  AdwToast        *toast;

  if (n_rows < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: a toast when the cheat-sheet could not be written */
      toast = adw_toast_new_format (_ ("Could not export the cheat-sheet: %s"), error->message);
    }
  else
    /* Translators: a toast; %s is the file name */
    toast = adw_toast_new_format (_ ("Cheat-sheet saved as “%s”"), name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_to (BbReferencePage *self,
           const char      *path,
           BbExportFormat   format)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, export_cb, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->path = g_strdup (path);
  job->format = format;
  g_task_set_source_tag (task, export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  g_task_run_in_thread (task, export_thread);
}

/**
 * _bb_reference_page_export_file:
 * @file: where to write
 * @csv_chosen: the file chooser's CSV filter was chosen
 *
 * Writes the cheat-sheet to @file (in a worker thread) and says how it
 * went in a toast.  The extension decides the format (.csv or .xlsx);
 * without one, the chosen filter does and the extension is added.
 */
void
_bb_reference_page_export_file (BbReferencePage *self,
                                GFile           *file,
                                gboolean         csv_chosen)
{
  g_autofree char *path = NULL;
  BbExportFormat   format;

  g_return_if_fail (BB_IS_REFERENCE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    return;
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    format = BB_EXPORT_FORMAT_CSV;
  else if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    format = BB_EXPORT_FORMAT_XLSX;
  else
    {
      char *with_extension;

      format = csv_chosen ? BB_EXPORT_FORMAT_CSV : BB_EXPORT_FORMAT_XLSX;
      with_extension = g_strconcat (path, csv_chosen ? ".csv" : ".xlsx", NULL);
      g_free (path);
      path = with_extension;
    }
  export_to (self, path, format);
}

gboolean
_bb_reference_page_is_exporting (BbReferencePage *self)
{
  g_return_val_if_fail (BB_IS_REFERENCE_PAGE (self), FALSE);

  return !gtk_widget_get_sensitive (GTK_WIDGET (self->export_button));
}

/* The title of the last toast, or NULL */
char *
_bb_reference_page_dup_toast (BbReferencePage *self)
{
  g_return_val_if_fail (BB_IS_REFERENCE_PAGE (self), NULL);

  return g_strdup (self->last_toast);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  BbReferencePage *self = user_data;
  GtkFileFilter   *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    _bb_reference_page_export_file (
        self, file, filter != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (filter), "format"), "csv") == 0);
  g_clear_object (&self->chooser);
}

static void
on_export_button_clicked (GtkButton       *button,
                          BbReferencePage *self)
{
  GtkRoot       *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileFilter *xlsx = gtk_file_filter_new ();
  GtkFileFilter *csv = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }
  /* Translators: title of the file chooser of "Export…" on the
   * cheat-sheet page */
  self->chooser = gtk_file_chooser_native_new (_ ("Export Cheat-Sheet"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (xlsx, _ ("Excel workbook (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  g_object_set_data (G_OBJECT (xlsx), "format", (gpointer) "xlsx");
  gtk_file_filter_set_name (csv, _ ("CSV, comma-separated (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");
  g_object_set_data (G_OBJECT (csv), "format", (gpointer) "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), xlsx);
  g_object_unref (xlsx);
  g_object_unref (csv);
  /* Translators: the file name the cheat-sheet export suggests; keep
   * the .xlsx */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _ ("bounce-cheat-sheet.xlsx"));

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_search_entry_search_changed (GtkSearchEntry  *entry,
                                BbReferencePage *self)
{
  if (self->setting_text)
    return;
  bb_reference_page_set_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* ---- GObject ---- */

/* Makes the rows: some 250 items and their search texts, 10–30 ms, too
 * long to spend before the window's first frame, so not in init. */
/* Failures first, the permanent ones before the temporary ones: enhanced
 * status codes, then reply codes, then the reasons; successes last */
static int
item_rank (BbReferenceItem *item)
{
  const char *code = bb_reference_item_get_code (item);
  char        klass = code != NULL ? code[0] : '\0';

  switch (bb_reference_item_get_kind (item))
    {
    case BB_REFERENCE_KIND_STATUS:
      return klass == '5' ? 0 : klass == '4' ? 1
                                             : 5;
    case BB_REFERENCE_KIND_REPLY_CODE:
      return klass == '5' ? 2 : klass == '4' ? 3
                                             : 5;
    case BB_REFERENCE_KIND_REASON:
    default:
      return 4;
    }
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  /* GtkSortListModel sorts stably: within a rank, the list's order */
  return item_rank ((BbReferenceItem *) a) - item_rank ((BbReferenceItem *) b);
}

static void
ensure_items (BbReferencePage *self)
{
  g_autoptr (GListModel) items = NULL;
  GtkSortListModel *sorted;

  if (self->items != NULL)
    return;
  items = bb_reference_list_items ();
  add_haystacks (items);
  sorted = gtk_sort_list_model_new (g_steal_pointer (&items),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_items_cb, NULL, NULL)));
  self->items = G_LIST_MODEL (sorted);
  gtk_filter_list_model_set_model (self->results, self->items);
  update_stack (self);
}

static void
bb_reference_page_map (GtkWidget *widget)
{
  ensure_items (BB_REFERENCE_PAGE (widget));

  GTK_WIDGET_CLASS (bb_reference_page_parent_class)->map (widget);
}

static void
bb_reference_page_dispose (GObject *object)
{
  BbReferencePage *self = BB_REFERENCE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  /* The bin's child first: AdwBin would unparent it again after
   * gtk_widget_dispose_template() (as in bb-diagnosis-view.c) */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_REFERENCE_PAGE);
  g_clear_object (&self->results);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (bb_reference_page_parent_class)->dispose (object);
}

static void
bb_reference_page_finalize (GObject *object)
{
  BbReferencePage *self = BB_REFERENCE_PAGE (object);

  g_free (self->query);
  g_strfreev (self->terms);
  g_free (self->last_toast);

  G_OBJECT_CLASS (bb_reference_page_parent_class)->finalize (object);
}

static void
bb_reference_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbReferencePage *self = BB_REFERENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_reference_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbReferencePage *self = BB_REFERENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      bb_reference_page_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_reference_page_class_init (BbReferencePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_reference_page_dispose;
  object_class->finalize = bb_reference_page_finalize;
  object_class->get_property = bb_reference_page_get_property;
  object_class->set_property = bb_reference_page_set_property;
  widget_class->map = bb_reference_page_map;

  /* What the search entry holds */
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, "",
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bounceback/Bounceback/bb-reference-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbReferencePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbReferencePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbReferencePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, BbReferencePage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbReferencePage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked);
}

static void
bb_reference_page_init (BbReferencePage *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing anywhere on the page goes to the search entry */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->cancellable = g_cancellable_new ();
  /* The rows are made when the page is first shown (ensure_items) */
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->results = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
bb_reference_page_new (void)
{
  return g_object_new (BB_TYPE_REFERENCE_PAGE, NULL);
}

const char *
bb_reference_page_get_query (BbReferencePage *self)
{
  g_return_val_if_fail (BB_IS_REFERENCE_PAGE (self), NULL);

  return self->query;
}

/**
 * bb_reference_page_set_query:
 * @query: (nullable): words to look for
 *
 * Shows only the rows that contain every word of @query (the search entry
 * calls this as the user types).
 */
void
bb_reference_page_set_query (BbReferencePage *self,
                             const char      *query)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  g_return_if_fail (BB_IS_REFERENCE_PAGE (self));

  if (query == NULL)
    query = "";
  if (g_strcmp0 (self->query, query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (query);

  g_strfreev (self->terms);
  stripped = g_strstrip (g_strdup (query));
  folded = fold (stripped);
  self->terms = NULL;
  {
    g_auto (GStrv) words = g_strsplit_set (folded, " \t\n", -1);
    g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
    gboolean any = FALSE;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        {
          g_strv_builder_add (builder, words[i]);
          any = TRUE;
        }
    if (any)
      self->terms = g_strv_builder_end (builder);
  }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->items != NULL)
    update_stack (self);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), query) != 0)
    {
      /* Setting the text empties the entry first, and GtkSearchEntry
       * reports an empty entry at once: not a query */
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
      self->setting_text = FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * bb_reference_page_get_results:
 *
 * Returns: (transfer none): the rows shown (#BbReferenceItem)
 */
GListModel *
bb_reference_page_get_results (BbReferencePage *self)
{
  g_return_val_if_fail (BB_IS_REFERENCE_PAGE (self), NULL);

  ensure_items (self);
  return G_LIST_MODEL (self->results);
}
