/* bb-diagnosis-view.c - one recipient of one bounce, explained
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is written for a sales rep who does not read SMTP: the failed
 * address, a verdict (hard or soft bounce, how urgent), the headline in
 * plain words, whose side must act, the codes with their meaning, the
 * server's own words with the deciding phrase marked, the next steps,
 * what filters may have disliked, the email that bounced and a resend
 * draft.  Messages that are not bounces (auto-replies, delays, …) get a
 * friendly sentence in place of the verdict.
 *
 * Every section is in the template; update() fills them and hides the
 * ones with nothing to say.  The rows whose number varies (steps,
 * warnings, attachments) are rebuilt each time.
 *
 * Toasts ("Address copied") go to the nearest AdwToastOverlay ancestor,
 * which is the window's; a view outside one shows none.
 *
 * The resend templates: the view shows the BbDraftStore given as
 * "draft-store", or else the application's shared one, which hangs on the
 * BbSettings (see bb_draft_panel_get_shared_store()).
 */

#include "config.h"

#include "bb-diagnosis-view-private.h"
#include "bb-diagnosis-view.h"

#include "bb-advice.h"
#include "bb-check-panel.h"
#include "bb-draft-panel.h"
#include "bb-kb.h"
#include "bb-provider.h"
#include "bb-recipient.h"

#include <glib/gi18n.h>
#include <string.h>

struct _BbDiagnosisView
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkWidget         *status_box;
  GtkImage          *status_icon;
  GtkLabel          *status_title;
  GtkLabel          *status_badge;
  GtkLabel          *status_description;
  GtkWidget         *header_box;
  GtkLabel          *address_label;
  GtkWidget         *typo_box;
  GtkLabel          *typo_label;
  GtkWidget         *verdict_box;
  GtkLabel          *bounce_badge;
  GtkLabel          *urgency_badge;
  GtkLabel          *headline_label;
  GtkLabel          *urgency_label;
  GtkWidget         *side_group;
  AdwActionRow      *side_row;
  GtkImage          *side_icon;
  GtkWidget         *codes_group;
  AdwActionRow      *reply_code_row;
  GtkLabel          *reply_code_chip;
  AdwActionRow      *status_code_row;
  GtkLabel          *status_code_chip;
  GtkWidget         *server_group;
  GtkLabel          *server_label;
  GtkLabel          *evidence_label;
  GtkWidget         *steps_group;
  GtkListBox        *steps_list;
  GtkWidget         *explanation_group;
  GtkLabel          *explanation_label;
  GtkWidget         *hints_group;
  GtkListBox        *hints_list;
  GtkWidget         *provider_group;
  AdwActionRow      *provider_row;
  AdwActionRow      *provider_note_row;
  AdwActionRow      *sender_row;
  GtkWidget         *original_group;
  AdwActionRow      *original_subject_row;
  AdwActionRow      *original_date_row;
  AdwActionRow      *original_from_row;
  AdwActionRow      *original_to_row;
  AdwActionRow      *original_size_row;
  GtkWidget         *attachments_group;
  GtkListBox        *attachments_list;
  BbDraftPanel      *draft_panel;
  BbCheckPanel      *check_panel;

  /* Owned */
  BbSettings   *settings;
  BbDraftStore *store;
  BbBounce     *bounce;

  guint    recipient_index;
  gboolean has_draft; /* the draft panel shows a draft to copy */

  /* The sections below the fold, filled once the first frame of a new
   * diagnosis is on screen (see update()) */
  gboolean       rest_pending;
  GdkFrameClock *rest_clock; /* weak */
  gulong         rest_paint_handler;
  guint          rest_source;
};

G_DEFINE_FINAL_TYPE (BbDiagnosisView, bb_diagnosis_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_DRAFT_STORE,
  PROP_BOUNCE,
  PROP_RECIPIENT_INDEX,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Attachment types filters block or quarantine (as in the core's content
 * hints): programs, scripts, disk images and Office files with macros. */
static const char *const risky_extensions[] = {
  ".exe",
  ".scr",
  ".bat",
  ".cmd",
  ".com",
  ".pif",
  ".js",
  ".jse",
  ".vbs",
  ".vbe",
  ".wsf",
  ".jar",
  ".msi",
  ".ps1",
  ".hta",
  ".lnk",
  ".iso",
  ".img",
  ".docm",
  ".xlsm",
  ".pptm",
  ".dotm",
  ".xlam",
  ".chm",
  ".cpl",
  ".reg",
  NULL,
};

#define BIG_ATTACHMENT (1024 * 1024)

static void
show_toast (GtkWidget  *widget,
            const char *markup)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_debug ("No toast overlay for: %s", markup);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
}

/* Pango marks a break inside a word with a hyphen, which would turn
 * "example.org" into "example.o-rg": wrong in an address or a URL. */
static void
no_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static BbRecipient *
current_recipient (BbDiagnosisView *self)
{
  if (self->bounce == NULL || self->recipient_index >= bb_bounce_get_n_recipients (self->bounce))
    return NULL;

  return bb_bounce_get_recipient (self->bounce, self->recipient_index);
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_row_subtitle (AdwActionRow *row,
                  const char   *subtitle)
{
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
}

/* Finds @needle in @haystack ignoring ASCII case (non-ASCII bytes must
 * match exactly, so a match always starts on a character boundary). */
static const char *
find_ascii_case (const char *haystack,
                 const char *needle)
{
  gsize n = strlen (needle);

  if (n == 0)
    return NULL;

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;

  return NULL;
}

/**
 * _bb_diagnosis_view_markup_quote:
 * @text: the server's own words
 * @evidence: (nullable): the phrase that decided the diagnosis
 *
 * Escapes @text for Pango and marks the first occurrence of @evidence
 * (ignoring case) in bold, underlined and on a translucent yellow, which
 * reads in light and dark styles alike and does not rely on colour alone.
 *
 * Returns: (transfer full): Pango markup
 */
char *
_bb_diagnosis_view_markup_quote (const char *text,
                                 const char *evidence)
{
  const char      *match;
  gsize            len;
  g_autofree char *before = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  match = is_empty (evidence) ? NULL : find_ascii_case (text, evidence);
  if (match == NULL)
    return g_markup_escape_text (text, -1);

  len = strlen (evidence);
  before = g_markup_escape_text (text, match - text);
  marked = g_markup_escape_text (match, len);
  after = g_markup_escape_text (match + len, -1);

  return g_strdup_printf ("%s<span weight=\"bold\" underline=\"single\" "
                          "background=\"#f6d32d\" bgalpha=\"40%%\">%s</span>%s",
                          before, marked, after);
}

static void
update_status (BbDiagnosisView *self,
               BbKind           kind,
               BbRecipient     *r)
{
  const char *icon = "emblem-ok-symbolic";
  const char *title = NULL;
  const char *description = NULL;
  gboolean    badge = TRUE;

  switch (kind)
    {
    case BB_KIND_BOUNCE:
      if (r != NULL)
        {
          gtk_widget_set_visible (self->status_box, FALSE);
          return;
        }
      icon = "dialog-warning-symbolic";
      title = _ ("Undelivered");
      description = _ ("Your email could not be delivered, but the notice does not say to which address.");
      badge = FALSE;
      break;
    case BB_KIND_DELAYED:
      icon = "document-open-recent-symbolic";
      title = _ ("Delivery Delayed");
      description = _ ("Delivery is delayed: the server is still trying. Nothing to do yet.");
      break;
    case BB_KIND_AUTOREPLY:
      icon = "mail-replied-symbolic";
      title = _ ("Automatic Reply");
      description = _ ("This is an automatic reply (out of office), not a bounce: your email was delivered.");
      break;
    case BB_KIND_DELIVERED:
      icon = "emblem-ok-symbolic";
      title = _ ("Delivered");
      description = _ ("This is a delivery confirmation, not a bounce: your email was delivered.");
      break;
    case BB_KIND_FEEDBACK:
      icon = "mail-mark-junk-symbolic";
      title = _ ("Spam Complaint");
      description = _ ("A recipient marked your email as spam: stop mailing them.");
      break;
    case BB_KIND_NOT_BOUNCE:
      icon = "mail-unread-symbolic";
      title = _ ("Not a Bounce");
      description = _ ("This email is not a bounce: no delivery failure is reported.");
      break;
    case BB_KIND_UNREADABLE:
    default:
      icon = "dialog-error-symbolic";
      title = _ ("Could Not Read This Email");
      description = !is_empty (bb_bounce_get_error (self->bounce))
                        ? bb_bounce_get_error (self->bounce)
                        : _ ("The file is not an email that Bounceback can read.");
      badge = FALSE;
      break;
    }

  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_description, description);
  gtk_widget_set_visible (GTK_WIDGET (self->status_badge), badge);
  gtk_widget_set_visible (self->status_box, TRUE);
}

static void
update_header (BbDiagnosisView *self,
               BbKind           kind,
               BbRecipient     *r)
{
  const char *typo = r != NULL ? bb_recipient_get_typo_suggestion (r) : NULL;
  gboolean    failure = kind == BB_KIND_BOUNCE && r != NULL;

  gtk_widget_set_visible (self->header_box, r != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.copy-address",
                                 r != NULL && !is_empty (bb_recipient_get_address (r)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.copy-corrected-address", failure && typo != NULL);
  if (r == NULL)
    return;

  /* pasted text that named no address: say so rather than show nothing */
  if (!is_empty (bb_recipient_get_address (r)))
    {
      gtk_label_set_text (self->address_label, bb_recipient_get_address (r));
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->address_label, _ ("Address not in the text"));
      gtk_widget_add_css_class (GTK_WIDGET (self->address_label), "dim-label");
    }

  gtk_widget_set_visible (self->typo_box, failure && !is_empty (typo));
  if (failure && !is_empty (typo))
    {
      /* Translators: %s is the corrected email address */
      g_autofree char *text = g_strdup_printf (_ ("Did you mean %s?"), typo);

      gtk_label_set_text (self->typo_label, text);
    }

  gtk_widget_set_visible (self->verdict_box, failure);
  if (!failure)
    return;

  if (bb_recipient_get_hard_bounce (r))
    {
      /* Translators: badge; a hard bounce keeps failing until the address is corrected */
      gtk_label_set_text (self->bounce_badge, _ ("Hard bounce"));
      gtk_widget_set_css_classes (GTK_WIDGET (self->bounce_badge), (const char *[]){ "bb-badge", "hard", NULL });
    }
  else
    {
      /* Translators: badge; a soft bounce may clear by itself */
      gtk_label_set_text (self->bounce_badge, _ ("Soft bounce"));
      gtk_widget_set_css_classes (GTK_WIDGET (self->bounce_badge), (const char *[]){ "bb-badge", "soft", NULL });
    }

  switch (bb_recipient_get_urgency (r))
    {
    case BB_URGENCY_HIGH:
      /* Translators: badge */
      gtk_label_set_text (self->urgency_badge, _ ("High urgency"));
      gtk_widget_set_css_classes (GTK_WIDGET (self->urgency_badge), (const char *[]){ "bb-badge", "urgency-high", NULL });
      break;
    case BB_URGENCY_MEDIUM:
      /* Translators: badge */
      gtk_label_set_text (self->urgency_badge, _ ("Medium urgency"));
      gtk_widget_set_css_classes (GTK_WIDGET (self->urgency_badge), (const char *[]){ "bb-badge", "urgency-medium", NULL });
      break;
    case BB_URGENCY_LOW:
    default:
      /* Translators: badge */
      gtk_label_set_text (self->urgency_badge, _ ("Low urgency"));
      gtk_widget_set_css_classes (GTK_WIDGET (self->urgency_badge), (const char *[]){ "bb-badge", "urgency-low", NULL });
      break;
    }

  gtk_label_set_text (self->headline_label, bb_kb_category_title (bb_recipient_get_category (r)));
  gtk_label_set_text (self->urgency_label, bb_kb_urgency_title (bb_recipient_get_urgency (r)));
}

static void
update_side (BbDiagnosisView *self,
             BbKind           kind,
             BbRecipient     *r)
{
  const char *icon;
  BbSide      side;

  gtk_widget_set_visible (self->side_group, r != NULL && (kind == BB_KIND_BOUNCE || kind == BB_KIND_DELAYED));
  if (r == NULL)
    return;

  side = bb_recipient_get_side (r);
  switch (side)
    {
    case BB_SIDE_RECIPIENT:
      icon = "avatar-default-symbolic";
      break;
    case BB_SIDE_SENDER:
      icon = "user-home-symbolic";
      break;
    case BB_SIDE_NOBODY:
      icon = "document-open-recent-symbolic";
      break;
    case BB_SIDE_UNKNOWN:
    default:
      icon = "dialog-question-symbolic";
      break;
    }

  gtk_image_set_from_icon_name (self->side_icon, icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->side_row), bb_kb_side_title (side));
  set_row_subtitle (self->side_row, bb_kb_side_explanation (side));
}

static gboolean
update_code_row (AdwActionRow *row,
                 GtkLabel     *chip,
                 const char   *code,
                 const char   *title,
                 const char   *explanation)
{
  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (code));
  if (is_empty (code))
    return FALSE;

  gtk_label_set_text (chip, code);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 /* Translators: a code the knowledge base does not know */
                                 title != NULL ? title : _ ("A code we do not know"));
  set_row_subtitle (row, explanation);

  return TRUE;
}

static void
update_codes (BbDiagnosisView *self,
              BbKind           kind,
              BbRecipient     *r)
{
  const char *reply = r != NULL ? bb_recipient_get_reply_code (r) : NULL;
  const char *status = r != NULL ? bb_recipient_get_status (r) : NULL;
  gboolean    shown = FALSE;

  if (kind != BB_KIND_BOUNCE && kind != BB_KIND_DELAYED)
    reply = status = NULL;

  shown |= update_code_row (self->reply_code_row, self->reply_code_chip, reply,
                            reply != NULL ? bb_kb_reply_code_title (reply) : NULL,
                            reply != NULL ? bb_kb_reply_code_explanation (reply) : NULL);
  shown |= update_code_row (self->status_code_row, self->status_code_chip, status,
                            status != NULL ? bb_kb_status_title (status) : NULL,
                            status != NULL ? bb_kb_status_explanation (status) : NULL);
  gtk_widget_set_visible (self->codes_group, shown);
}

static void
update_server_words (BbDiagnosisView *self,
                     BbKind           kind,
                     BbRecipient     *r)
{
  const char      *words = r != NULL ? bb_recipient_get_diagnostic (r) : NULL;
  const char      *evidence = r != NULL ? bb_recipient_get_evidence (r) : NULL;
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (self->server_group, !is_empty (words));
  if (is_empty (words))
    return;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->server_group),
                                   kind == BB_KIND_AUTOREPLY ? _ ("What the Reply Says")
                                                             : _ ("The Server’s Own Words"));
  markup = _bb_diagnosis_view_markup_quote (words, evidence);
  gtk_label_set_markup (self->server_label, markup);

  /* Said in words too, for whoever cannot see the highlight. */
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_label),
                          !is_empty (evidence) && find_ascii_case (words, evidence) != NULL);
  if (!is_empty (evidence))
    {
      /* Translators: %s is the phrase in the server's message that decided the diagnosis */
      g_autofree char *text = g_strdup_printf (_ ("Marked: “%s”, the words that decided the diagnosis."), evidence);

      gtk_label_set_text (self->evidence_label, text);
    }
}

static GtkWidget *
step_row_new (guint       number,
              const char *text)
{
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *grid = gtk_grid_new ();
  g_autofree char *digits = g_strdup_printf ("%u", number);
  GtkWidget       *badge = gtk_label_new (digits);
  GtkWidget       *label = gtk_label_new (text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  gtk_widget_add_css_class (badge, "bb-step-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  no_hyphens (GTK_LABEL (label));
  gtk_widget_set_hexpand (label, TRUE);

  /* A grid, not a horizontal box: a box measures a wrapping label's
   * width for the row's height on every allocation, which GtkLabel
   * answers with a binary search over layouts of the whole text; the
   * steps were most of the text shaped when a diagnosis is shown (about
   * three times less with the grid; tests/bench/bench-gui.sh). */
  gtk_grid_attach (GTK_GRID (grid), badge, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  return row;
}

static void
update_steps (BbDiagnosisView *self,
              BbKind           kind,
              BbRecipient     *r)
{
  g_autoptr (GPtrArray) steps = NULL;

  /* For an ordinary message the core's steps are those of an unknown
   * failure, which would contradict "not a bounce". */
  clear_list (self->steps_list);
  if (kind != BB_KIND_UNREADABLE && kind != BB_KIND_NOT_BOUNCE)
    steps = bb_advice_steps (self->bounce, r);

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    gtk_list_box_append (self->steps_list, step_row_new (i + 1, g_ptr_array_index (steps, i)));
  gtk_widget_set_visible (self->steps_group, steps != NULL && steps->len > 0);
}

static void
update_explanation (BbDiagnosisView *self,
                    BbKind           kind,
                    BbRecipient     *r)
{
  g_autofree char *explanation = NULL;

  if (kind != BB_KIND_UNREADABLE && kind != BB_KIND_NOT_BOUNCE)
    explanation = bb_advice_explanation (self->bounce, r);
  gtk_widget_set_visible (self->explanation_group, !is_empty (explanation));
  gtk_label_set_text (self->explanation_label, explanation != NULL ? explanation : "");
}

static GtkWidget *
warning_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
update_hints (BbDiagnosisView *self,
              BbKind           kind)
{
  GPtrArray *hints = bb_bounce_get_content_hints (self->bounce);
  guint      shown = 0;

  clear_list (self->hints_list);
  for (guint i = 0; kind == BB_KIND_BOUNCE && hints != NULL && i < hints->len; i++)
    {
      g_autofree char *text = bb_content_hint_describe (g_ptr_array_index (hints, i));

      if (is_empty (text))
        continue;
      gtk_list_box_append (self->hints_list, warning_row_new (text));
      shown++;
    }
  gtk_widget_set_visible (self->hints_group, shown > 0);
}

static void
update_providers (BbDiagnosisView *self,
                  BbKind           kind,
                  BbRecipient     *r)
{
  const BbProvider *provider = NULL;
  const BbProvider *mine = bb_bounce_get_sender_provider (self->bounce);
  const char       *note = NULL;
  const char       *my_address = bb_bounce_get_sender_address (self->bounce);
  gboolean          failure = kind == BB_KIND_BOUNCE || kind == BB_KIND_DELAYED;

  if (r != NULL && failure)
    {
      provider = bb_recipient_get_provider (r);
      note = bb_recipient_get_provider_note (r);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->provider_row), provider != NULL);
  if (provider != NULL)
    set_row_subtitle (self->provider_row, bb_provider_get_display_name (provider));

  gtk_widget_set_visible (GTK_WIDGET (self->provider_note_row), !is_empty (note));
  if (!is_empty (note))
    {
      const char      *code = bb_recipient_get_provider_code (r);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->provider_note_row), bb_kb_gettext (note));
      if (!is_empty (code) && provider != NULL)
        /* Translators: "Code 5.1.1 at Google (Gmail / Workspace)": a code the provider uses */
        subtitle = g_strdup_printf (_ ("Code %s at %s"), code, bb_provider_get_display_name (provider));
      else if (!is_empty (code))
        /* Translators: %s is a code a mail provider uses */
        subtitle = g_strdup_printf (_ ("Provider code %s"), code);
      set_row_subtitle (self->provider_note_row, subtitle);
    }

  if (kind == BB_KIND_NOT_BOUNCE || kind == BB_KIND_UNREADABLE)
    mine = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sender_row), mine != NULL);
  if (mine != NULL)
    {
      g_autofree char *subtitle = NULL;

      if (!is_empty (my_address))
        /* Translators: the rep's own address and mail provider, "li@163.com (NetEase Mail (163 / 126))" */
        subtitle = g_strdup_printf (_ ("%s (%s)"), my_address, bb_provider_get_display_name (mine));
      else
        subtitle = g_strdup (bb_provider_get_display_name (mine));
      set_row_subtitle (self->sender_row, subtitle);
    }

  gtk_widget_set_visible (self->provider_group, provider != NULL || mine != NULL);
}

static char *
format_mailbox (const BbMailbox *mailbox)
{
  if (mailbox == NULL)
    return NULL;
  if (!is_empty (mailbox->name) && !is_empty (mailbox->address))
    return g_strdup_printf ("%s <%s>", mailbox->name, mailbox->address);

  return g_strdup (!is_empty (mailbox->address) ? mailbox->address : mailbox->name);
}

static void
set_text_row (AdwActionRow *row,
              const char   *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), !is_empty (text));
  set_row_subtitle (row, text);
}

static gboolean
too_big_situation (BbBounce    *bounce,
                   BbRecipient *r)
{
  const char *reason = r != NULL ? bb_recipient_get_reason (r) : NULL;
  gsize       limit = bb_bounce_get_size_limit (bounce);

  if (r != NULL && bb_recipient_get_category (r) == BB_CATEGORY_TOO_BIG)
    return TRUE;
  if (g_strcmp0 (reason, "mesgtoobig") == 0 || g_strcmp0 (reason, "exceedlimit") == 0)
    return TRUE;

  return limit > 0 && bb_bounce_get_original_size (bounce) > limit;
}

static gboolean
is_risky_name (const char *filename)
{
  g_autofree char *lower = NULL;

  if (is_empty (filename))
    return FALSE;

  lower = g_utf8_strdown (filename, -1);
  for (guint i = 0; risky_extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, risky_extensions[i]))
      return TRUE;

  return FALSE;
}

static GtkWidget *
flag_new (const char *text,
          const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "bb-badge");
  gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
attachment_row_new (const BbAttachment *att,
                    gboolean            too_big,
                    gboolean            risky)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
  g_autofree char *size = g_format_size (att->size);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 !is_empty (att->filename)       ? att->filename
                                 : !is_empty (att->content_type) ? att->content_type
                                                                 /* Translators: an attachment without a file name */
                                                                 : _ ("Unnamed attachment"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (too_big && risky)
    /* Translators: %s is a file size such as "12.3 MB" */
    subtitle = g_strdup_printf (_ ("%s. Probably what made the email too big, and a file type mail filters often block."), size);
  else if (too_big)
    /* Translators: %s is a file size such as "12.3 MB" */
    subtitle = g_strdup_printf (_ ("%s. Probably what made the email too big."), size);
  else if (risky)
    /* Translators: %s is a file size such as "12.3 MB" */
    subtitle = g_strdup_printf (_ ("%s. Mail filters often block this type of file."), size);
  else
    subtitle = g_steal_pointer (&size);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Attachment"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (too_big)
    /* Translators: badge on an attachment */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag_new (_ ("Too big"), "warning"));
  if (risky)
    /* Translators: badge on an attachment that filters block */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag_new (_ ("Often blocked"), "danger"));

  return row;
}

static void
update_original (BbDiagnosisView *self,
                 BbRecipient     *r)
{
  GPtrArray       *to = NULL;
  GPtrArray       *atts = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to_text = NULL;
  gsize            size, limit, largest = 0;
  gboolean         too_big;
  gboolean         has = bb_bounce_has_original (self->bounce);

  clear_list (self->attachments_list);
  gtk_widget_set_visible (self->original_group, has);
  gtk_widget_set_visible (self->attachments_group, FALSE);
  if (!has)
    return;

  set_text_row (self->original_subject_row, bb_bounce_get_original_subject (self->bounce));
  set_text_row (self->original_date_row, bb_bounce_get_original_date (self->bounce));
  from = format_mailbox (bb_bounce_get_original_from (self->bounce));
  set_text_row (self->original_from_row, from);

  to = bb_bounce_get_original_to (self->bounce);
  if (to != NULL && to->len > 0)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) list = NULL;

      for (guint i = 0; i < to->len; i++)
        {
          g_autofree char *one = format_mailbox (g_ptr_array_index (to, i));

          if (one != NULL)
            g_strv_builder_add (builder, one);
        }
      list = g_strv_builder_end (builder);
      to_text = g_strjoinv (", ", list);
    }
  set_text_row (self->original_to_row, to_text);

  size = bb_bounce_get_original_size (self->bounce);
  limit = bb_bounce_get_size_limit (self->bounce);
  if (size > 0 && limit > 0)
    {
      g_autofree char *s = g_format_size (size);
      g_autofree char *l = g_format_size (limit);
      /* Translators: "12.3 MB; the client's server accepts at most 10.0 MB" */
      g_autofree char *text = g_strdup_printf (_ ("%s; the client’s server accepts at most %s"), s, l);

      set_text_row (self->original_size_row, text);
    }
  else if (size > 0 && too_big_situation (self->bounce, r))
    {
      g_autofree char *s = g_format_size (size);

      set_text_row (self->original_size_row, s);
    }
  else
    set_text_row (self->original_size_row, NULL);

  atts = bb_bounce_get_attachments (self->bounce);
  if (atts == NULL || atts->len == 0)
    return;

  /* When the email was too big, mark the attachments that made it so:
   * the largest one, those nearly as large, and any over the limit. */
  too_big = too_big_situation (self->bounce, r);
  for (guint i = 0; i < atts->len; i++)
    largest = MAX (largest, ((const BbAttachment *) g_ptr_array_index (atts, i))->size);

  for (guint i = 0; i < atts->len; i++)
    {
      const BbAttachment *att = g_ptr_array_index (atts, i);
      gboolean            big;

      big = too_big && att->size > 0 &&
            (att->size == largest ||
             (att->size >= BIG_ATTACHMENT && att->size * 2 >= largest) ||
             (limit > 0 && att->size * 2 >= limit));
      gtk_list_box_append (self->attachments_list, attachment_row_new (att, big, is_risky_name (att->filename)));
    }
  gtk_widget_set_visible (self->attachments_group, TRUE);
}

static void
set_has_draft (BbDiagnosisView *self,
               gboolean         has_draft)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.copy-draft", has_draft);
  if (self->has_draft == has_draft)
    return;

  self->has_draft = has_draft;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DRAFT]);
}

/* A contact found on the client's site: the alternate-contact draft,
 * written to it, in view. */
static void
use_contact_cb (BbCheckPanel    *panel,
                const char      *address,
                BbDiagnosisView *self)
{
  GtkWidget        *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t  top;

  bb_draft_panel_use_contact (self->draft_panel, address);
  /* show the draft: scroll straight to it (no animation, which would
   * outlive a window closed meanwhile) */
  if (content != NULL &&
      gtk_widget_compute_point (GTK_WIDGET (self->draft_panel), content, &GRAPHENE_POINT_INIT (0, 0), &top))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

      /* the viewport's own coordinates: from what is on screen now */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y);
    }
}

/* A resend draft: for a failed recipient of a bounce, with templates */
static gboolean
wants_draft (BbDiagnosisView *self,
             BbKind           kind,
             BbRecipient     *r)
{
  return kind == BB_KIND_BOUNCE && r != NULL && self->store != NULL;
}

static void
cancel_rest (BbDiagnosisView *self)
{
  if (self->rest_clock != NULL)
    {
      g_clear_signal_handler (&self->rest_paint_handler, self->rest_clock);
      g_clear_weak_pointer (&self->rest_clock);
    }
  g_clear_handle_id (&self->rest_source, g_source_remove);
  self->rest_pending = FALSE;
}

static void
update_rest (BbDiagnosisView *self)
{
  BbRecipient *r = current_recipient (self);
  BbKind       kind;
  gboolean     draft;

  cancel_rest (self);
  if (self->bounce == NULL)
    return;
  kind = bb_bounce_get_kind (self->bounce);
  /* the checks: for a failed recipient of a bounce or a delay */
  bb_check_panel_set_target (self->check_panel, self->bounce,
                             (kind == BB_KIND_BOUNCE || kind == BB_KIND_DELAYED) ? r : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->check_panel),
                          (kind == BB_KIND_BOUNCE || kind == BB_KIND_DELAYED) && r != NULL);
  update_explanation (self, kind, r);
  update_hints (self, kind);
  update_providers (self, kind, r);
  update_original (self, r);
  draft = wants_draft (self, kind, r);
  bb_draft_panel_set_target (self->draft_panel, draft ? self->bounce : NULL, draft ? r : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_panel), draft);
}

/* Fills the sections still waiting, at once (for whoever reads them). */
static void
flush_rest (BbDiagnosisView *self)
{
  if (self->rest_pending)
    update_rest (self);
}

static gboolean
rest_idle_cb (gpointer user_data)
{
  BbDiagnosisView *self = user_data;

  self->rest_source = 0;
  update_rest (self);
  return G_SOURCE_REMOVE;
}

static void
rest_after_paint_cb (GdkFrameClock   *clock,
                     BbDiagnosisView *self)
{
  g_clear_signal_handler (&self->rest_paint_handler, clock);
  g_clear_weak_pointer (&self->rest_clock);
  /* after the frame, not inside it: input waiting is handled first */
  self->rest_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rest_idle_cb, self, NULL);
}

static void
schedule_rest (BbDiagnosisView *self)
{
  GtkNative     *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface    *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  GdkFrameClock *clock = surface != NULL ? gdk_surface_get_frame_clock (surface) : NULL;

  cancel_rest (self);
  self->rest_pending = TRUE;
  /* The window's clock: the view itself may not be mapped yet (the
   * results page replaces the empty one right after this).  In no window
   * that is on screen (a test), there is no frame to wait for. */
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (native)))
    {
      update_rest (self);
      return;
    }
  g_set_weak_pointer (&self->rest_clock, clock);
  self->rest_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (rest_after_paint_cb), self);
}

static void
update (BbDiagnosisView *self)
{
  BbRecipient *r = current_recipient (self);
  BbKind       kind;

  /* With no bounce the view shows nothing.  Child-visible rather than
   * visible: a hidden page loses its styles and sizes, and showing it
   * again cost the next diagnosis about 25 ms (tests/bench/bench-gui.sh). */
  gtk_widget_set_child_visible (GTK_WIDGET (self->scroller), self->bounce != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->scroller), GTK_ACCESSIBLE_STATE_HIDDEN,
                               self->bounce == NULL, -1);
  if (self->bounce == NULL)
    {
      cancel_rest (self);
      bb_draft_panel_set_target (self->draft_panel, NULL, NULL);
      bb_check_panel_set_target (self->check_panel, NULL, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.copy-address", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnosis.copy-corrected-address", FALSE);
      set_has_draft (self, FALSE);
      return;
    }

  kind = bb_bounce_get_kind (self->bounce);
  update_status (self, kind, r);
  update_header (self, kind, r);
  update_side (self, kind, r);
  update_codes (self, kind, r);
  update_server_words (self, kind, r);
  update_steps (self, kind, r);
  set_has_draft (self, wants_draft (self, kind, r));

  /* What a window shows first is filled now; the sections below it (the
   * checks, the explanation, hints, providers, the original, the draft)
   * once that first frame is on screen: laying them out would delay it
   * by about a third (tests/bench/bench-gui.sh).  Hidden until then, so
   * that nothing of the previous diagnosis shows. */
  gtk_widget_set_visible (GTK_WIDGET (self->check_panel), FALSE);
  gtk_widget_set_visible (self->explanation_group, FALSE);
  gtk_widget_set_visible (self->hints_group, FALSE);
  gtk_widget_set_visible (self->provider_group, FALSE);
  gtk_widget_set_visible (self->original_group, FALSE);
  gtk_widget_set_visible (self->attachments_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_panel), FALSE);
  schedule_rest (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
copy_text (BbDiagnosisView *self,
           const char      *text,
           const char      *toast)
{
  if (is_empty (text))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  show_toast (GTK_WIDGET (self), toast);
}

static void
copy_address_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbDiagnosisView *self = BB_DIAGNOSIS_VIEW (widget);
  BbRecipient     *r = current_recipient (self);

  if (r != NULL)
    copy_text (self, bb_recipient_get_address (r), _ ("Address copied"));
}

static void
copy_corrected_address_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  BbDiagnosisView *self = BB_DIAGNOSIS_VIEW (widget);
  BbRecipient     *r = current_recipient (self);

  if (r != NULL)
    copy_text (self, bb_recipient_get_typo_suggestion (r), _ ("Corrected address copied"));
}

static void
copy_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbDiagnosisView *self = BB_DIAGNOSIS_VIEW (widget);

  flush_rest (self);
  bb_draft_panel_copy (self->draft_panel);
}

/**
 * bb_diagnosis_view_set_bounce:
 * @self: a #BbDiagnosisView
 * @bounce: (nullable): the analysed message, or %NULL for an empty view
 * @recipient_index: which of its recipients to explain
 */
void
bb_diagnosis_view_set_bounce (BbDiagnosisView *self,
                              BbBounce        *bounce,
                              guint            recipient_index)
{
  gboolean bounce_changed, index_changed;

  g_return_if_fail (BB_IS_DIAGNOSIS_VIEW (self));
  g_return_if_fail (bounce == NULL || BB_IS_BOUNCE (bounce));

  bounce_changed = self->bounce != bounce;
  index_changed = self->recipient_index != recipient_index;
  if (!bounce_changed && !index_changed)
    return;

  g_set_object (&self->bounce, bounce);
  self->recipient_index = recipient_index;
  update (self);

  if (bounce_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUNCE]);
  if (index_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECIPIENT_INDEX]);
}

/**
 * bb_diagnosis_view_warm_up:
 * @sample: a bounce to lay out
 * @width: the width to lay it out for
 *
 * Lays out the diagnosis of @sample once, without showing it, then shows
 * nothing again.  The first diagnosis the user sees then finds the fonts,
 * glyph shapes, CSS and templates it needs already loaded.  Does nothing
 * while the view shows a bounce.
 */
void
bb_diagnosis_view_warm_up (BbDiagnosisView *self,
                           BbBounce        *sample,
                           int              width)
{
  GtkWidget *content;

  g_return_if_fail (BB_IS_DIAGNOSIS_VIEW (self));
  g_return_if_fail (BB_IS_BOUNCE (sample));

  if (self->bounce != NULL)
    return;
  bb_diagnosis_view_set_bounce (self, sample, 0);
  flush_rest (self);
  content = gtk_scrolled_window_get_child (self->scroller);
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, MAX (width, 1), NULL, NULL, NULL, NULL);
  bb_diagnosis_view_set_bounce (self, NULL, 0);
}

BbBounce *
bb_diagnosis_view_get_bounce (BbDiagnosisView *self)
{
  g_return_val_if_fail (BB_IS_DIAGNOSIS_VIEW (self), NULL);

  return self->bounce;
}

guint
bb_diagnosis_view_get_recipient_index (BbDiagnosisView *self)
{
  g_return_val_if_fail (BB_IS_DIAGNOSIS_VIEW (self), 0);

  return self->recipient_index;
}

/**
 * bb_diagnosis_view_get_has_draft:
 * @self: a #BbDiagnosisView
 *
 * Returns: whether the view shows a resend draft, which
 *   "diagnosis.copy-draft" copies
 */
gboolean
bb_diagnosis_view_get_has_draft (BbDiagnosisView *self)
{
  g_return_val_if_fail (BB_IS_DIAGNOSIS_VIEW (self), FALSE);

  return self->has_draft;
}

BbSettings *
bb_diagnosis_view_get_settings (BbDiagnosisView *self)
{
  g_return_val_if_fail (BB_IS_DIAGNOSIS_VIEW (self), NULL);

  return self->settings;
}

BbDraftStore *
bb_diagnosis_view_get_draft_store (BbDiagnosisView *self)
{
  g_return_val_if_fail (BB_IS_DIAGNOSIS_VIEW (self), NULL);

  return self->store;
}

GtkWidget *
_bb_diagnosis_view_get_part (BbDiagnosisView *self,
                             BbDiagnosisPart  part)
{
  g_return_val_if_fail (BB_IS_DIAGNOSIS_VIEW (self), NULL);

  flush_rest (self);
  switch (part)
    {
    case BB_DIAGNOSIS_PART_STATUS_TITLE:
      return GTK_WIDGET (self->status_title);
    case BB_DIAGNOSIS_PART_STATUS_DESCRIPTION:
      return GTK_WIDGET (self->status_description);
    case BB_DIAGNOSIS_PART_ADDRESS:
      return GTK_WIDGET (self->address_label);
    case BB_DIAGNOSIS_PART_TYPO:
      return GTK_WIDGET (self->typo_label);
    case BB_DIAGNOSIS_PART_BOUNCE_BADGE:
      return GTK_WIDGET (self->bounce_badge);
    case BB_DIAGNOSIS_PART_URGENCY_BADGE:
      return GTK_WIDGET (self->urgency_badge);
    case BB_DIAGNOSIS_PART_HEADLINE:
      return GTK_WIDGET (self->headline_label);
    case BB_DIAGNOSIS_PART_SIDE_ROW:
      return GTK_WIDGET (self->side_row);
    case BB_DIAGNOSIS_PART_REPLY_CODE_ROW:
      return GTK_WIDGET (self->reply_code_row);
    case BB_DIAGNOSIS_PART_REPLY_CODE_CHIP:
      return GTK_WIDGET (self->reply_code_chip);
    case BB_DIAGNOSIS_PART_STATUS_CODE_ROW:
      return GTK_WIDGET (self->status_code_row);
    case BB_DIAGNOSIS_PART_STATUS_CODE_CHIP:
      return GTK_WIDGET (self->status_code_chip);
    case BB_DIAGNOSIS_PART_SERVER_WORDS:
      return GTK_WIDGET (self->server_label);
    case BB_DIAGNOSIS_PART_STEPS_LIST:
      return GTK_WIDGET (self->steps_list);
    case BB_DIAGNOSIS_PART_EXPLANATION:
      return GTK_WIDGET (self->explanation_label);
    case BB_DIAGNOSIS_PART_HINTS_LIST:
      return GTK_WIDGET (self->hints_list);
    case BB_DIAGNOSIS_PART_PROVIDER_ROW:
      return GTK_WIDGET (self->provider_row);
    case BB_DIAGNOSIS_PART_SENDER_ROW:
      return GTK_WIDGET (self->sender_row);
    case BB_DIAGNOSIS_PART_ORIGINAL_SUBJECT_ROW:
      return GTK_WIDGET (self->original_subject_row);
    case BB_DIAGNOSIS_PART_ATTACHMENTS_LIST:
      return GTK_WIDGET (self->attachments_list);
    case BB_DIAGNOSIS_PART_DRAFT_PANEL:
      return GTK_WIDGET (self->draft_panel);
    case BB_DIAGNOSIS_PART_CHECK_PANEL:
      return GTK_WIDGET (self->check_panel);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
bb_diagnosis_view_constructed (GObject *object)
{
  BbDiagnosisView *self = BB_DIAGNOSIS_VIEW (object);

  G_OBJECT_CLASS (bb_diagnosis_view_parent_class)->constructed (object);

  if (self->store == NULL && self->settings != NULL)
    self->store = g_object_ref (bb_draft_panel_get_shared_store (self->settings));

  bb_draft_panel_set_settings (self->draft_panel, self->settings);
  bb_draft_panel_set_store (self->draft_panel, self->store);
  update (self);
}

static void
bb_diagnosis_view_dispose (GObject *object)
{
  BbDiagnosisView *self = BB_DIAGNOSIS_VIEW (object);

  /* The scrolled window is both AdwBin's child and a template child:
   * let AdwBin drop it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  cancel_rest (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_DIAGNOSIS_VIEW);

  g_clear_object (&self->bounce);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_diagnosis_view_parent_class)->dispose (object);
}

static void
bb_diagnosis_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BbDiagnosisView *self = BB_DIAGNOSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DRAFT_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BOUNCE:
      g_value_set_object (value, self->bounce);
      break;
    case PROP_RECIPIENT_INDEX:
      g_value_set_uint (value, self->recipient_index);
      break;
    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->has_draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_diagnosis_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbDiagnosisView *self = BB_DIAGNOSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DRAFT_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_BOUNCE:
      bb_diagnosis_view_set_bounce (self, g_value_get_object (value), self->recipient_index);
      break;
    case PROP_RECIPIENT_INDEX:
      bb_diagnosis_view_set_bounce (self, self->bounce, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_diagnosis_view_class_init (BbDiagnosisViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_diagnosis_view_constructed;
  object_class->dispose = bb_diagnosis_view_dispose;
  object_class->get_property = bb_diagnosis_view_get_property;
  object_class->set_property = bb_diagnosis_view_set_property;

  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, BB_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_STORE] =
      g_param_spec_object ("draft-store", NULL, NULL, BB_TYPE_DRAFT_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOUNCE] =
      g_param_spec_object ("bounce", NULL, NULL, BB_TYPE_BOUNCE,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RECIPIENT_INDEX] =
      g_param_spec_uint ("recipient-index", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether there is a resend draft to copy (a bounce, a recipient and
   * templates): the window enables its Ctrl+Shift+C by it */
  properties[PROP_HAS_DRAFT] =
      g_param_spec_boolean ("has-draft", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_DRAFT_PANEL);
  g_type_ensure (BB_TYPE_CHECK_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bounceback/Bounceback/bb-diagnosis-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, scroller);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, status_box);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, status_title);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, status_badge);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, status_description);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, header_box);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, address_label);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, typo_box);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, typo_label);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, bounce_badge);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, urgency_badge);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, headline_label);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, urgency_label);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, side_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, side_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, side_icon);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, codes_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, reply_code_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, reply_code_chip);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, status_code_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, status_code_chip);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, server_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, server_label);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, steps_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, steps_list);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, explanation_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, hints_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, hints_list);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, provider_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, provider_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, provider_note_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, sender_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, original_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, original_subject_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, original_date_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, original_from_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, original_to_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, original_size_row);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, draft_panel);
  gtk_widget_class_bind_template_child (widget_class, BbDiagnosisView, check_panel);
  gtk_widget_class_bind_template_callback (widget_class, use_contact_cb);

  gtk_widget_class_install_action (widget_class, "diagnosis.copy-address", NULL, copy_address_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.copy-corrected-address", NULL,
                                   copy_corrected_address_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.copy-draft", NULL, copy_draft_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "diagnosis.copy-draft", NULL);
}

static void
bb_diagnosis_view_init (BbDiagnosisView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  no_hyphens (self->address_label);
  no_hyphens (self->typo_label);
  no_hyphens (self->server_label);
  no_hyphens (self->evidence_label);
  no_hyphens (self->explanation_label);
}

/**
 * bb_diagnosis_view_new:
 * @settings: (nullable): the application's settings: the rep's details
 *   for the resend draft, and the application's templates
 *
 * Returns: (transfer floating): a new, empty #BbDiagnosisView
 */
GtkWidget *
bb_diagnosis_view_new (BbSettings *settings)
{
  g_return_val_if_fail (settings == NULL || BB_IS_SETTINGS (settings), NULL);

  return g_object_new (BB_TYPE_DIAGNOSIS_VIEW, "settings", settings, NULL);
}
