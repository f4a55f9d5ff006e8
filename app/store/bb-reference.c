/* bb-reference.c - the cheat-sheet: every status code, reply code and
 * reason the knowledge base explains, in the user's language, as a list
 * model (for a GUI page) and as CSV or Excel
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-export-private.h"
#include "bb-reference.h"
#include "bb-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _BbReferenceItem
{
  GObject parent_instance;

  BbReferenceKind kind;
  char           *code;
  char           *title;
  char           *explanation;
  char           *bounce_type;
  char           *urgency;
  char           *side;
  GStrv           steps;
};

G_DEFINE_FINAL_TYPE (BbReferenceItem, bb_reference_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_CODE,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_BOUNCE_TYPE,
  PROP_URGENCY,
  PROP_SIDE,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bb_reference_item_finalize (GObject *object)
{
  BbReferenceItem *self = (BbReferenceItem *) object;

  g_free (self->code);
  g_free (self->title);
  g_free (self->explanation);
  g_free (self->bounce_type);
  g_free (self->urgency);
  g_free (self->side);
  g_strfreev (self->steps);

  G_OBJECT_CLASS (bb_reference_item_parent_class)->finalize (object);
}

static void
bb_reference_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbReferenceItem *self = BB_REFERENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_BOUNCE_TYPE:
      g_value_set_string (value, self->bounce_type);
      break;
    case PROP_URGENCY:
      g_value_set_string (value, self->urgency);
      break;
    case PROP_SIDE:
      g_value_set_string (value, self->side);
      break;
    case PROP_STEPS:
      g_value_set_boxed (value, self->steps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_reference_item_class_init (BbReferenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = bb_reference_item_finalize;
  object_class->get_property = bb_reference_item_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, BB_REFERENCE_KIND_STATUS, BB_REFERENCE_KIND_REASON,
                                            BB_REFERENCE_KIND_STATUS, flags);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  properties[PROP_BOUNCE_TYPE] = g_param_spec_string ("bounce-type", NULL, NULL, NULL, flags);
  properties[PROP_URGENCY] = g_param_spec_string ("urgency", NULL, NULL, NULL, flags);
  properties[PROP_SIDE] = g_param_spec_string ("side", NULL, NULL, NULL, flags);
  properties[PROP_STEPS] = g_param_spec_boxed ("steps", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_reference_item_init (BbReferenceItem *self)
{
  self->steps = g_new0 (char *, 1);
}

static BbReferenceItem *
item_new (BbReferenceKind kind,
          const char     *code,
          const char     *title,
          const char     *explanation)
{
  BbReferenceItem *self = g_object_new (BB_TYPE_REFERENCE_ITEM, NULL);

  self->kind = kind;
  self->code = g_strdup (code);
  self->title = g_strdup (title);
  self->explanation = g_strdup (explanation);
  return self;
}

BbReferenceKind
bb_reference_item_get_kind (BbReferenceItem *self)
{
  g_return_val_if_fail (BB_IS_REFERENCE_ITEM (self), BB_REFERENCE_KIND_STATUS);
  return self->kind;
}

#define GETTER(name)                                               \
  const char *bb_reference_item_get_##name (BbReferenceItem *self) \
  {                                                                \
    g_return_val_if_fail (BB_IS_REFERENCE_ITEM (self), NULL);      \
    return self->name;                                             \
  }

GETTER (code)
GETTER (title)
GETTER (explanation)
GETTER (bounce_type)
GETTER (urgency)
GETTER (side)

#undef GETTER

/**
 * bb_reference_item_get_steps:
 *
 * Returns: (transfer none): the numbered next steps (reasons only; empty
 *   for codes)
 */
const char *const *
bb_reference_item_get_steps (BbReferenceItem *self)
{
  g_return_val_if_fail (BB_IS_REFERENCE_ITEM (self), NULL);
  return (const char *const *) self->steps;
}

/* ---- the list ---- */

static void
append_item (GListStore      *store,
             BbReferenceItem *item)
{
  g_list_store_append (store, item);
  g_object_unref (item);
}

static void
add_status_codes (GListStore *store)
{
  const char  classes[] = { '2', '4', '5' };
  const char *delivered = bb_kb_status_title ("2.0.0");

  for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
    for (guint subject = 0; subject <= 7; subject++)
      for (guint detail = 0; detail <= 40; detail++)
        {
          char        code[16];
          const char *title;

          g_snprintf (code, sizeof code, "%c.%u.%u", classes[c], subject, detail);
          if (!bb_kb_status_is_registered (code))
            continue;
          title = bb_kb_status_title (code);
          /* Success codes other than those the knowledge base words on
           * their own would all read "Delivered": one row is enough. */
          if (classes[c] == '2' && detail + subject > 0 && g_strcmp0 (title, delivered) == 0)
            continue;
          append_item (store, item_new (BB_REFERENCE_KIND_STATUS, code, title, bb_kb_status_explanation (code)));
        }
}

/* The knowledge base words some reply codes on their own and gives the
 * others the wording of their class: the class's wording is the one most
 * codes of the class share, and is listed once, as "4xx". */
static void
add_reply_codes (GListStore *store)
{
  for (guint klass = 2; klass <= 5; klass++)
    {
      g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      const char *class_title = NULL;
      guint       best = 0;
      char        code[8];

      for (guint n = 0; n < 100; n++)
        {
          const char *title;
          guint       count;

          g_snprintf (code, sizeof code, "%u%02u", klass, n);
          title = bb_kb_reply_code_title (code);
          if (title == NULL)
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, title)) + 1;
          g_hash_table_insert (counts, (gpointer) title, GUINT_TO_POINTER (count));
          if (count > best)
            {
              best = count;
              class_title = title;
            }
        }
      if (class_title == NULL)
        continue;
      for (guint n = 0; n < 100; n++)
        {
          const char *title;

          g_snprintf (code, sizeof code, "%u%02u", klass, n);
          title = bb_kb_reply_code_title (code);
          if (title == NULL)
            continue;
          if (g_strcmp0 (title, class_title) == 0)
            {
              /* the first code with the class's wording stands for all */
              if (g_hash_table_contains (counts, ""))
                continue;
              g_hash_table_insert (counts, (gpointer) "", NULL);
              {
                g_autofree char *label = g_strdup_printf ("%uxx", klass);

                append_item (store, item_new (BB_REFERENCE_KIND_REPLY_CODE, label, title,
                                              bb_kb_reply_code_explanation (code)));
              }
              continue;
            }
          append_item (store, item_new (BB_REFERENCE_KIND_REPLY_CODE, code, title, bb_kb_reply_code_explanation (code)));
        }
    }
}

/* The classifier's rule (bb-classify.c, after Sisimai): only a wrong
 * address, a dead domain or a moved mailbox make sending again pointless;
 * "notaccept" is hard when the refusal is permanent. */
static const char *
reason_bounce_type (const char *reason)
{
  if (g_str_equal (reason, "userunknown") || g_str_equal (reason, "hostunknown") ||
      g_str_equal (reason, "hasmoved"))
    return _ ("Hard bounce");
  if (g_str_equal (reason, "notaccept"))
    /* Translators: in the cheat-sheet, for a reason that is a hard bounce
     * when the server's refusal is permanent (5xx) and soft otherwise */
    return _ ("Hard bounce when permanent");
  return _ ("Soft bounce");
}

static void
add_reasons (GListStore *store)
{
  const char *const *reasons = bb_kb_reasons ();

  for (guint i = 0; reasons[i] != NULL; i++)
    {
      const BbReasonInfo *info = bb_kb_reason_info (reasons[i]);
      BbReferenceItem    *item;
      GStrvBuilder       *steps;

      if (info == NULL)
        continue;
      item = item_new (BB_REFERENCE_KIND_REASON, info->reason, bb_kb_gettext (info->headline),
                       bb_kb_gettext (info->explanation));
      item->bounce_type = g_strdup (reason_bounce_type (info->reason));
      item->urgency = g_strdup (bb_kb_urgency_title (info->urgency));
      item->side = g_strdup (bb_kb_side_title (info->side));
      steps = g_strv_builder_new ();
      for (guint s = 0; s < G_N_ELEMENTS (info->steps) && info->steps[s] != NULL; s++)
        {
          g_autofree char *step = g_strdup_printf ("%u. %s", s + 1, bb_kb_gettext (info->steps[s]));

          g_strv_builder_add (steps, step);
        }
      g_strfreev (item->steps);
      item->steps = g_strv_builder_end (steps);
      g_strv_builder_unref (steps);
      append_item (store, item);
    }
}

/**
 * bb_reference_list_items:
 *
 * Every registered enhanced status code, every reply code the knowledge
 * base words (and one row per class for the rest), and every reason,
 * translated into the current language.
 *
 * Returns: (transfer full): a list of #BbReferenceItem, codes in order,
 *   then the reasons by name
 */
GListModel *
bb_reference_list_items (void)
{
  GListStore *store = g_list_store_new (BB_TYPE_REFERENCE_ITEM);

  add_status_codes (store);
  add_reply_codes (store);
  add_reasons (store);
  return G_LIST_MODEL (store);
}

/* ---- export ---- */

/**
 * bb_reference_kind_title:
 *
 * Returns: what a row of the cheat-sheet is ("Status code", "Reply
 *   code", "Reason"), translated
 */
const char *
bb_reference_kind_title (BbReferenceKind kind)
{
  switch (kind)
    {
    case BB_REFERENCE_KIND_STATUS:
      /* Translators: a row of the cheat-sheet: an enhanced status code
       * such as 5.1.1 */
      return C_ ("reference kind", "Status code");
    case BB_REFERENCE_KIND_REPLY_CODE:
      /* Translators: a row of the cheat-sheet: an SMTP reply code such
       * as 550 */
      return C_ ("reference kind", "Reply code");
    case BB_REFERENCE_KIND_REASON:
    default:
      /* Translators: a row of the cheat-sheet: a bounce reason such as
       * userunknown */
      return C_ ("reference kind", "Reason");
    }
}

enum
{
  REF_KIND,
  REF_CODE,
  REF_TITLE,
  REF_EXPLANATION,
  REF_TYPE,
  REF_URGENCY,
  REF_SIDE,
  REF_STEPS,
  N_REF_COLUMNS
};

static const char *
ref_header (guint col)
{
  switch (col)
    {
    case REF_KIND:
      /* Translators: column headers of the exported cheat-sheet */
      return C_ ("reference column", "Kind");
    case REF_CODE:
      return C_ ("reference column", "Code");
    case REF_TITLE:
      return C_ ("reference column", "Meaning");
    case REF_EXPLANATION:
      return C_ ("reference column", "Explanation");
    case REF_TYPE:
      return C_ ("reference column", "Hard or soft");
    case REF_URGENCY:
      return C_ ("reference column", "Urgency");
    case REF_SIDE:
      return C_ ("reference column", "Who must act");
    case REF_STEPS:
    default:
      return C_ ("reference column", "What to do");
    }
}

static char *
ref_cell (BbReferenceItem *item,
          guint            col)
{
  switch (col)
    {
    case REF_KIND:
      return g_strdup (bb_reference_kind_title (item->kind));
    case REF_CODE:
      return g_strdup (item->code);
    case REF_TITLE:
      return g_strdup (item->title);
    case REF_EXPLANATION:
      return g_strdup (item->explanation);
    case REF_TYPE:
      return g_strdup (item->bounce_type);
    case REF_URGENCY:
      return g_strdup (item->urgency);
    case REF_SIDE:
      return g_strdup (item->side);
    case REF_STEPS:
    default:
      return g_strjoinv ("\n", item->steps);
    }
}

static gboolean
export_csv (GListModel *items,
            const char *path,
            GError    **error)
{
  g_autoptr (BbCsvWriter) writer = _bb_csv_writer_new (path, error);
  guint n = g_list_model_get_n_items (items);

  if (writer == NULL)
    return FALSE;
  for (guint col = 0; col < N_REF_COLUMNS; col++)
    _bb_csv_writer_field (writer, ref_header (col));
  if (!_bb_csv_writer_end_row (writer, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BbReferenceItem) item = g_list_model_get_item (items, i);

      for (guint col = 0; col < N_REF_COLUMNS; col++)
        {
          g_autofree char *value = ref_cell (item, col);

          _bb_csv_writer_field (writer, value);
        }
      if (!_bb_csv_writer_end_row (writer, error))
        return FALSE;
    }
  return _bb_csv_writer_close (writer, error);
}

static gboolean
export_xlsx (GListModel *items,
             const char *path,
             GError    **error)
{
  g_autofree char *temp_path = _bb_xlsx_temp_path (path);
  lxw_workbook    *workbook = workbook_new (temp_path);
  lxw_format      *bold;
  lxw_format      *wrap;
  guint            n = g_list_model_get_n_items (items);
  const double     widths[N_REF_COLUMNS] = { 12, 10, 36, 70, 16, 10, 16, 70 };

  if (workbook == NULL)
    {
      g_set_error (error, BB_STORE_ERROR, BB_STORE_ERROR_FAILED, _ ("Could not write “%s”."), path);
      return FALSE;
    }
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);

  /* One sheet per kind; codes have no hard/soft, urgency, side or steps. */
  for (BbReferenceKind kind = BB_REFERENCE_KIND_STATUS; kind <= BB_REFERENCE_KIND_REASON; kind++)
    {
      guint          n_cols = kind == BB_REFERENCE_KIND_REASON ? N_REF_COLUMNS : REF_TYPE;
      lxw_worksheet *sheet;
      guint          row = 0;

      /* Translators: sheet names of the exported cheat-sheet (at most 31
       * characters) */
      sheet = workbook_add_worksheet (workbook, kind == BB_REFERENCE_KIND_STATUS       ? C_ ("sheet name", "Status codes")
                                                : kind == BB_REFERENCE_KIND_REPLY_CODE ? C_ ("sheet name", "Reply codes")
                                                                                       : C_ ("sheet name", "Reasons"));
      for (guint col = 1; col < n_cols; col++)
        {
          worksheet_set_column (sheet, (lxw_col_t) (col - 1), (lxw_col_t) (col - 1), widths[col], wrap);
          _bb_xlsx_write_string (sheet, 0, col - 1, ref_header (col), bold);
        }
      worksheet_freeze_panes (sheet, 1, 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (BbReferenceItem) item = g_list_model_get_item (items, i);

          if (item->kind != kind)
            continue;
          row++;
          for (guint col = 1; col < n_cols; col++)
            {
              g_autofree char *value = col == REF_STEPS ? g_strjoinv ("\n", item->steps) : ref_cell (item, col);

              _bb_xlsx_write_string (sheet, row, col - 1, value, wrap);
            }
        }
    }
  return _bb_xlsx_finish (workbook, temp_path, path, error);
}

/**
 * bb_reference_export:
 * @n_rows: (out) (optional): how many rows (codes and reasons) were written
 *
 * Writes the cheat-sheet of bb_reference_list_items(): CSV (one table,
 * the first column saying what each row is) or Excel (one sheet each for
 * status codes, reply codes and reasons).
 */
gboolean
bb_reference_export (BbExportFormat format,
                     const char    *path,
                     guint         *n_rows,
                     GError       **error)
{
  g_autoptr (GListModel) items = bb_reference_list_items ();
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (format == BB_EXPORT_FORMAT_XLSX)
    ok = export_xlsx (items, path, error);
  else
    ok = export_csv (items, path, error);
  if (ok && n_rows != NULL)
    *n_rows = g_list_model_get_n_items (items);
  return ok;
}
