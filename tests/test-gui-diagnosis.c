/* test-gui-diagnosis.c - the diagnosis page, the resend draft panel and
 * the preferences window, on real bounces
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display (xvfb-run -a meson test --suite gui); without one it
 * reports a TAP skip.  With BB_DIAG_SCREENSHOTS=<dir> it also renders the
 * page for a few bounces to PNG files there (wide and 360 px, light and
 * dark), for people to look at.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmime/gmime.h>
#include <locale.h>
#include <string.h>

#include "bb-check-panel-private.h"
#include "bb-core.h"
#include "bb-domain-check.h"
#include "bb-diagnosis-view-private.h"
#include "bb-diagnosis-view.h"
#include "bb-draft-panel.h"
#include "bb-draft.h"
#include "bb-preferences-window.h"
#include "bb-settings.h"

typedef struct
{
  char            *tmpdir;
  BbSettings      *settings;
  BbDraftStore    *store;
  GtkWindow       *window;
  BbDiagnosisView *view;
} Fixture;

static BbBounce *
analyze_file (const char *dir,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    g_error ("%s: %s", path, error->message);
  bytes = g_bytes_new_take (data, len);

  return bb_analyze_bytes (bytes, path);
}

static void
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget       *overlay;

  f->tmpdir = g_dir_make_tmp ("bb-gui-diagnosis-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->tmpdir, "templates.ini", NULL);

  f->settings = bb_settings_new_for_settings (NULL);
  f->store = bb_draft_store_new (path);
  g_assert_true (bb_draft_store_load (f->store, &error));
  g_assert_no_error (error);

  f->view = g_object_new (BB_TYPE_DIAGNOSIS_VIEW, "settings", f->settings, "draft-store", f->store, NULL);
  g_object_ref_sink (f->view);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));

  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_default_size (f->window, 800, 900);
  gtk_window_set_child (f->window, overlay);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "templates.ini", NULL);

  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->view);
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->settings);

  g_remove (path);
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
}

static const char *
label_text (Fixture        *f,
            BbDiagnosisPart part)
{
  return gtk_label_get_text (GTK_LABEL (_bb_diagnosis_view_get_part (f->view, part)));
}

static gboolean
part_visible (Fixture        *f,
              BbDiagnosisPart part)
{
  GtkWidget *widget = _bb_diagnosis_view_get_part (f->view, part);

  /* Visible itself and all the way up to the view */
  for (; widget != NULL && widget != GTK_WIDGET (f->view); widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;

  return TRUE;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

/* All the label texts under @widget, joined by newlines */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
row_text (GtkWidget *list,
          guint      index)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index)), out);
  return g_string_free (out, FALSE);
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr (GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*text);
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);

  return text;
}

static void
test_user_unknown (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/bounces", "lhost-postfix-31.eml");
  g_autoptr (GPtrArray) steps = NULL;
  g_autofree char *first = NULL;
  GtkWidget       *row;
  GtkWidget       *list;

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  g_assert_true (bb_diagnosis_view_get_bounce (f->view) == bounce);

  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_STATUS_TITLE));
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_ADDRESS));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_ADDRESS), ==, "kijitora@gmail.com");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_ADDRESS))));
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_TYPO));

  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_BOUNCE_BADGE), ==, "Hard bounce");
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_URGENCY_BADGE), ==, "High urgency");
  g_assert_true (gtk_widget_has_css_class (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_BOUNCE_BADGE), "hard"));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_HEADLINE), ==, bb_kb_category_title (BB_CATEGORY_ADDRESS));

  /* The codes, each with its title and explanation */
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_REPLY_CODE_ROW));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_REPLY_CODE_CHIP), ==, "550");
  row = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_REPLY_CODE_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, bb_kb_reply_code_title ("550"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, bb_kb_reply_code_explanation ("550"));
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_STATUS_CODE_ROW));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_STATUS_CODE_CHIP), ==, "5.1.1");
  row = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_STATUS_CODE_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, bb_kb_status_title ("5.1.1"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, bb_kb_status_explanation ("5.1.1"));

  /* Whose side */
  row = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_SIDE_ROW);
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_SIDE_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, bb_kb_side_title (BB_SIDE_RECIPIENT));

  /* The server's words, with the deciding phrase marked */
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_SERVER_WORDS));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_SERVER_WORDS))),
                            "underline=\"single\" background=\"#f6d32d\" bgalpha=\"40%\">The email account that you tried to reach does not exist</span>"));
  g_assert_nonnull (strstr (label_text (f, BB_DIAGNOSIS_PART_SERVER_WORDS), "The email account that you tried to reach does not exist"));

  /* The steps, numbered, in the core's order */
  steps = bb_advice_steps (bounce, bb_bounce_get_recipient (bounce, 0));
  list = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_STEPS_LIST);
  g_assert_cmpuint (steps->len, >, 2);
  g_assert_cmpuint (count_rows (list), ==, steps->len);
  first = row_text (list, 0);
  g_assert_true (g_str_has_prefix (first, "1\n"));
  g_assert_nonnull (strstr (first, g_ptr_array_index (steps, 0)));

  /* Providers on both sides */
  row = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_PROVIDER_ROW);
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_PROVIDER_ROW));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   bb_provider_get_display_name (bb_provider_lookup_id ("google")));
  row = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_SENDER_ROW);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "sironeko@example.com"));

  /* The original, and the draft for a failure */
  row = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_ORIGINAL_SUBJECT_ROW);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Nyaaaaaaaaaaaaaaaaaaaaaaaaaan");
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_DRAFT_PANEL));
  g_assert_cmpstr (bb_draft_panel_get_template_id (BB_DRAFT_PANEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_DRAFT_PANEL))),
                   ==, bb_draft_suggest_template (bounce, bb_bounce_get_recipient (bounce, 0)));

  /* The address goes to the clipboard */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "diagnosis.copy-address", NULL));
  {
    g_autofree char *text = read_clipboard (GTK_WIDGET (f->view));

    g_assert_cmpstr (text, ==, "kijitora@gmail.com");
  }

  bb_diagnosis_view_set_bounce (f->view, NULL, 0);
  g_assert_null (bb_diagnosis_view_get_bounce (f->view));
}

static void
test_mailbox_full_draft (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/bounces", "lhost-dragonfly-28.eml");
  g_autoptr (BbDraft) draft = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  BbDraftPanel    *panel;

  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  panel = BB_DRAFT_PANEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_DRAFT_PANEL));

  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_HEADLINE), ==, bb_kb_category_title (BB_CATEGORY_MAILBOX));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_BOUNCE_BADGE), ==, "Soft bounce");
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_DRAFT_PANEL));
  g_assert_cmpstr (bb_draft_panel_get_template_id (panel), ==, BB_DRAFT_MAILBOX_FULL);

  /* Copy gives the filled draft: the failed address and the original subject */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "diagnosis.copy-draft", NULL));
  text = read_clipboard (GTK_WIDGET (f->view));
  g_assert_nonnull (strstr (text, "kijitora@example.com"));
  g_assert_nonnull (strstr (text, "Nyaan?"));
  draft = bb_draft_panel_dup_draft (panel);
  expected = bb_draft_to_text (draft);
  g_assert_cmpstr (text, ==, expected);

  /* The rep's name, set later, comes into the untouched draft; the hint
   * to set it goes away */
  bb_settings_set_sender_name (f->settings, "Li Wei");
  g_clear_pointer (&draft, bb_draft_free);
  draft = bb_draft_panel_dup_draft (panel);
  g_assert_nonnull (strstr (draft->body, "Li Wei"));
}

static void
test_edits_are_kept (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/bounces", "lhost-gmail-06.eml");
  g_autoptr (BbDraft) draft = NULL;
  g_autofree char *text = NULL;
  BbDraftPanel    *panel;
  GtkWidget       *subject_row = NULL;

  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  panel = BB_DRAFT_PANEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_DRAFT_PANEL));

  /* Find the Subject entry row and type into it */
  for (GtkWidget *w = GTK_WIDGET (panel); w != NULL;)
    {
      if (ADW_IS_ENTRY_ROW (w) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Subject") == 0)
        {
          subject_row = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != GTK_WIDGET (panel) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == GTK_WIDGET (panel)) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (subject_row);
  /* 450 4.2.2, a temporary refusal: the core suggests sending again later */
  g_assert_cmpstr (bb_draft_panel_get_template_id (panel), ==, BB_DRAFT_RETRY_LATER);
  gtk_editable_set_text (GTK_EDITABLE (subject_row), "My own subject");

  /* A later change of the rep's details does not throw the edit away */
  bb_settings_set_sender_company (f->settings, "Ningbo Steel Co.");
  draft = bb_draft_panel_dup_draft (panel);
  g_assert_cmpstr (draft->subject, ==, "My own subject");

  g_assert_true (bb_draft_panel_copy (panel));
  text = read_clipboard (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "My own subject"));
}

static void
test_too_big (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/bounces", "lhost-dragonfly-08.eml");

  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_HEADLINE), ==, bb_kb_category_title (BB_CATEGORY_TOO_BIG));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_REPLY_CODE_CHIP), ==, "552");
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_STATUS_CODE_CHIP), ==, "5.2.3");
  g_assert_cmpstr (bb_draft_panel_get_template_id (BB_DRAFT_PANEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_DRAFT_PANEL))),
                   ==, BB_DRAFT_LINK_INSTEAD);
}

/* A size refusal whose original carries a big PDF and a program */
static BbBounce *
make_too_big_with_attachments (void)
{
  g_autofree guchar *blob = g_malloc (48 * 1024);
  g_autofree char   *pdf = NULL;
  g_autoptr (GString) b64 = g_string_new (NULL);
  g_autoptr (GString) msg = g_string_new (NULL);

  for (gsize i = 0; i < 48 * 1024; i++)
    blob[i] = (guchar) (i * 7 + 3);
  pdf = g_base64_encode (blob, 48 * 1024);
  for (const char *p = pdf; *p != '\0'; p += MIN (strlen (p), 76))
    g_string_append_printf (b64, "%.76s\n", p);

  g_string_append (msg,
                   "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\n"
                   "To: li@example.cn\n"
                   "Subject: Undelivered Mail Returned to Sender\n"
                   "Date: Mon, 2 Mar 2026 10:00:00 +0800\n"
                   "MIME-Version: 1.0\n"
                   "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\n"
                   "\n"
                   "--B1\n"
                   "Content-Type: text/plain\n"
                   "\n"
                   "<buyer@example.org>: host mx.example.org said: 552 5.3.4 Message size\n"
                   "    exceeds fixed maximum message size (in reply to end of DATA command)\n"
                   "\n"
                   "--B1\n"
                   "Content-Type: message/delivery-status\n"
                   "\n"
                   "Reporting-MTA: dns; mx.example.com\n"
                   "\n"
                   "Final-Recipient: rfc822; buyer@example.org\n"
                   "Action: failed\n"
                   "Status: 5.3.4\n"
                   "Diagnostic-Code: smtp; 552 5.3.4 Message size exceeds fixed maximum message size\n"
                   "\n"
                   "--B1\n"
                   "Content-Type: message/rfc822\n"
                   "\n"
                   "From: Li Wei <li@example.cn>\n"
                   "To: Buyer <buyer@example.org>\n"
                   "Subject: Catalogue 2026\n"
                   "Date: Mon, 2 Mar 2026 09:59:00 +0800\n"
                   "MIME-Version: 1.0\n"
                   "Content-Type: multipart/mixed; boundary=\"B2\"\n"
                   "\n"
                   "--B2\n"
                   "Content-Type: text/plain\n"
                   "\n"
                   "Please find our catalogue attached.\n"
                   "--B2\n"
                   "Content-Type: application/pdf; name=\"catalogue-2026.pdf\"\n"
                   "Content-Disposition: attachment; filename=\"catalogue-2026.pdf\"\n"
                   "Content-Transfer-Encoding: base64\n"
                   "\n");
  g_string_append (msg, b64->str);
  g_string_append (msg,
                   "--B2\n"
                   "Content-Type: application/octet-stream; name=\"setup.exe\"\n"
                   "Content-Disposition: attachment; filename=\"setup.exe\"\n"
                   "Content-Transfer-Encoding: base64\n"
                   "\n"
                   "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
                   "--B2--\n"
                   "\n"
                   "--B1--\n");

  return bb_analyze_text (msg->str, "too-big.eml");
}

static void
test_attachments (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (BbBounce) bounce = make_too_big_with_attachments ();
  g_autofree char *pdf = NULL;
  g_autofree char *exe = NULL;
  GtkWidget       *list;

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
  g_assert_cmpuint (bb_bounce_get_attachments (bounce)->len, ==, 2);
  bb_diagnosis_view_set_bounce (f->view, bounce, 0);

  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_HEADLINE), ==, bb_kb_category_title (BB_CATEGORY_TOO_BIG));
  list = _bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_ATTACHMENTS_LIST);
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_ATTACHMENTS_LIST));
  g_assert_cmpuint (count_rows (list), ==, 2);

  /* The big PDF is marked as what made the email too big, the program as
   * a type filters block; both say it in words */
  pdf = row_text (list, 0);
  exe = row_text (list, 1);
  g_assert_nonnull (strstr (pdf, "catalogue-2026.pdf"));
  g_assert_nonnull (strstr (pdf, "Too big"));
  g_assert_nonnull (strstr (pdf, "Probably what made the email too big"));
  g_assert_null (strstr (pdf, "Often blocked"));
  g_assert_nonnull (strstr (exe, "setup.exe"));
  g_assert_nonnull (strstr (exe, "Often blocked"));
  g_assert_null (strstr (exe, "Too big"));

  /* The content warning from the core */
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_HINTS_LIST));
  g_assert_cmpuint (count_rows (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_HINTS_LIST)), >=, 1);
}

static void
test_typo (Fixture      *f,
           gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("chinese", "05-qq-domain-not-found.eml");
  const char      *typo = bb_recipient_get_typo_suggestion (bb_bounce_get_recipient (bounce, 0));
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (typo);
  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  expected = g_strdup_printf ("Did you mean %s?", typo);
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_TYPO));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_TYPO), ==, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "diagnosis.copy-corrected-address", NULL));
  text = read_clipboard (GTK_WIDGET (f->view));
  g_assert_cmpstr (text, ==, typo);
}

/* Pasted words that name no address: the diagnosis says so, and there
 * is no address to copy. */
static void
test_pasted_without_address (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr (BbBounce) bounce = bb_analyze_text ("The response was:\n550 5.2.2 The email account that you tried "
                                                 "to reach is over quota.",
                                                 "pasted text");

  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_ADDRESS), ==, "Address not in the text");
  g_assert_true (gtk_widget_has_css_class (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_ADDRESS), "dim-label"));
  /* copying the address does nothing: the clipboard keeps what it had */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->view)), "kept");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "diagnosis.copy-address", NULL);
  {
    g_autofree char *text = read_clipboard (GTK_WIDGET (f->view));
    g_assert_cmpstr (text, ==, "kept");
  }
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_HEADLINE));
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_STATUS_CODE_ROW));

  /* the next bounce with an address shows it plainly again */
  {
    g_autoptr (BbBounce) named = bb_analyze_text ("550 5.1.1 <ann@example.com>: user unknown", "line");

    bb_diagnosis_view_set_bounce (f->view, named, 0);
    g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_ADDRESS), ==, "ann@example.com");
    g_assert_false (gtk_widget_has_css_class (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_ADDRESS), "dim-label"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "diagnosis.copy-address", NULL));
    {
      g_autofree char *text = read_clipboard (GTK_WIDGET (f->view));
      g_assert_cmpstr (text, ==, "ann@example.com");
    }
  }
}

static void
test_not_bounce (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/not-bounces", "is-not-bounce-01.eml");

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_NOT_BOUNCE);
  bb_diagnosis_view_set_bounce (f->view, bounce, 0);

  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_STATUS_DESCRIPTION));
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_STATUS_DESCRIPTION), ==,
                   "This email is not a bounce: no delivery failure is reported.");
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_HEADLINE));
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_REPLY_CODE_ROW));
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_DRAFT_PANEL));
}

static void
test_autoreply (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("chinese", "10-autoreply-zh.eml");

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_AUTOREPLY);
  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_STATUS_DESCRIPTION), ==,
                   "This is an automatic reply (out of office), not a bounce: your email was delivered.");
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_DRAFT_PANEL));
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_HEADLINE));
}

static void
test_unreadable (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr (BbBounce) bounce = bb_analyze_bytes (bytes, "empty.eml");

  if (bb_bounce_get_kind (bounce) != BB_KIND_UNREADABLE)
    {
      g_test_skip ("empty input is not unreadable in this core");
      return;
    }
  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_STATUS_DESCRIPTION));
  if (bb_bounce_get_error (bounce) != NULL)
    g_assert_cmpstr (label_text (f, BB_DIAGNOSIS_PART_STATUS_DESCRIPTION), ==, bb_bounce_get_error (bounce));
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_DRAFT_PANEL));
}

static void
test_markup_quote (void)
{
  g_autofree char *plain = _bb_diagnosis_view_markup_quote ("a <b> & c", NULL);
  g_autofree char *marked = _bb_diagnosis_view_markup_quote ("550 <x@y> User UNKNOWN & gone", "user unknown");
  g_autofree char *missing = _bb_diagnosis_view_markup_quote ("550 <x@y>", "mailbox full");

  g_assert_cmpstr (plain, ==, "a &lt;b&gt; &amp; c");
  g_assert_cmpstr (marked, ==,
                   "550 &lt;x@y&gt; <span weight=\"bold\" underline=\"single\" background=\"#f6d32d\" "
                   "bgalpha=\"40%\">User UNKNOWN</span> &amp; gone");
  g_assert_cmpstr (missing, ==, "550 &lt;x@y&gt;");
  g_assert_true (pango_parse_markup (marked, -1, 0, NULL, NULL, NULL, NULL));
}

static void
test_recipient_index (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/bounces", "lhost-postfix-31.eml");

  /* Past the last recipient: a notice naming no address */
  bb_diagnosis_view_set_bounce (f->view, bounce, 5);
  g_assert_cmpuint (bb_diagnosis_view_get_recipient_index (f->view), ==, 5);
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_STATUS_TITLE));
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_ADDRESS));
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_DRAFT_PANEL));

  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_ADDRESS));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preferences (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bb-gui-prefs-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "templates.ini", NULL);
  BbSettings      *settings = bb_settings_new_for_settings (NULL);
  BbDraftStore    *store = bb_draft_store_new (path);
  GtkWidget       *window;
  GtkWidget       *button;
  BbDraftTemplate *tmpl;
  guint            n;

  g_assert_true (bb_draft_store_load (store, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (n, >=, 4);

  window = g_object_new (BB_TYPE_PREFERENCES_WINDOW, "settings", settings, "draft-store", store, NULL);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bb_preferences_window_get_draft_store (BB_PREFERENCES_WINDOW (window)) == store);

  /* Settings and rows are bound both ways */
  bb_settings_set_sender_name (settings, "Li Wei");
  bb_settings_set_draft_language (settings, "zh_CN");
  {
    g_autoptr (GString) text = g_string_new (NULL);

    collect_text (window, text);
    g_assert_nonnull (strstr (text->str, "Your Details"));
  }

  /* Adding a template opens its editor and saves the store */
  g_assert_true (gtk_widget_activate_action (window, "preferences.add-template", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n + 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  wait_ms (50);

  /* The editor removes the template it shows */
  button = find_button (window, "Remove Template");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  wait_ms (400);

  /* A changed built-in can be reset from its editor */
  tmpl = bb_draft_store_lookup (store, BB_DRAFT_MAILBOX_FULL);
  bb_draft_template_set_body (tmpl, "Changed");
  g_assert_true (bb_draft_template_get_modified (tmpl));
  bb_preferences_window_edit_template (BB_PREFERENCES_WINDOW (window), BB_DRAFT_MAILBOX_FULL);
  wait_ms (50);
  button = find_button (window, "Reset to Default");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_get_visible (find_button (window, "Remove Template")));
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (bb_draft_template_get_modified (tmpl));
  g_assert_false (gtk_widget_get_visible (button));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_cmpstr (bb_settings_get_sender_name (settings), ==, "Li Wei");
  g_assert_finalize_object (store);
  g_assert_finalize_object (settings);
  g_remove (path);
  g_rmdir (dir);
}

/* Every kind of page lays out at phone width without warnings (which
 * are fatal here) */
static void
test_narrow (Fixture      *f,
             gconstpointer data)
{
  const char *const files[][2] = {
    { "corpus/bounces", "lhost-postfix-31.eml" },
    { "corpus/bounces", "lhost-dragonfly-28.eml" },
    { "chinese", "05-qq-domain-not-found.eml" },
    { "chinese", "10-autoreply-zh.eml" },
    { "corpus/not-bounces", "is-not-bounce-01.eml" },
  };

  gtk_window_set_default_size (f->window, 360, 700);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (BbBounce) bounce = analyze_file (files[i][0], files[i][1]);

      bb_diagnosis_view_set_bounce (f->view, bounce, 0);
      wait_ms (60);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), <=, 360);
    }
  {
    g_autoptr (BbBounce) bounce = make_too_big_with_attachments ();

    bb_diagnosis_view_set_bounce (f->view, bounce, 0);
    wait_ms (60);
  }
}

/* Created as the window creates it: the store is the one shared through
 * the settings, and everything goes away with the window */
static void
test_shared_store (void)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/bounces", "lhost-postfix-31.eml");
  BbSettings   *settings = bb_settings_new_for_settings (NULL);
  GtkWidget    *window = gtk_window_new ();
  GtkWidget    *view = bb_diagnosis_view_new (settings);
  GtkWidget    *prefs;
  BbDraftStore *store;

  g_object_ref (window);
  g_object_ref (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  bb_diagnosis_view_set_bounce (BB_DIAGNOSIS_VIEW (view), bounce, 0);

  store = bb_diagnosis_view_get_draft_store (BB_DIAGNOSIS_VIEW (view));
  g_assert_true (store == bb_draft_panel_get_shared_store (settings));
  prefs = bb_preferences_window_new (settings);
  g_object_ref (prefs);
  g_assert_true (bb_preferences_window_get_draft_store (BB_PREFERENCES_WINDOW (prefs)) == store);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_ms (50);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_finalize_object (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (view);
  g_assert_finalize_object (settings);
}

/* Preferences ▸ Draft Language drives the shared store: the open draft
 * switches language, a template the rep rewrote does not */
static void
test_draft_language (void)
{
  g_autoptr (BbBounce) bounce = analyze_file ("corpus/bounces", "lhost-postfix-31.eml");
  BbSettings   *settings = bb_settings_new_for_settings (NULL);
  GtkWidget    *window = gtk_window_new ();
  GtkWidget    *view;
  BbDraftPanel *panel;
  BbDraftStore *store;
  g_autoptr (BbDraft) draft = NULL;

  /* Set before the store exists: it starts in that language */
  bb_settings_set_draft_language (settings, "zh_CN");
  view = bb_diagnosis_view_new (settings);
  g_object_ref (window);
  g_object_ref (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  bb_diagnosis_view_set_bounce (BB_DIAGNOSIS_VIEW (view), bounce, 0);
  panel = BB_DRAFT_PANEL (_bb_diagnosis_view_get_part (BB_DIAGNOSIS_VIEW (view), BB_DIAGNOSIS_PART_DRAFT_PANEL));
  store = bb_diagnosis_view_get_draft_store (BB_DIAGNOSIS_VIEW (view));

  g_assert_cmpstr (bb_draft_store_get_language (store), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (bb_draft_panel_get_template_id (panel), ==, BB_DRAFT_ALTERNATE_CONTACT);
  draft = bb_draft_panel_dup_draft (panel);
  g_assert_true (g_str_has_prefix (draft->body, "您好：\n"));
  g_assert_true (g_str_has_prefix (draft->subject, "烦请转交："));

  /* Switched in Preferences: the untouched draft follows at once */
  bb_settings_set_draft_language (settings, "en");
  g_assert_cmpstr (bb_draft_store_get_language (store), ==, BB_DRAFT_LANGUAGE_EN);
  g_clear_pointer (&draft, bb_draft_free);
  draft = bb_draft_panel_dup_draft (panel);
  g_assert_true (g_str_has_prefix (draft->body, "Dear Sir or Madam,\n"));
  g_assert_true (g_str_has_prefix (draft->subject, "Please forward: "));

  /* A built-in the rep rewrote stays as written */
  bb_draft_template_set_subject (bb_draft_store_lookup (store, BB_DRAFT_ALTERNATE_CONTACT), "Mine: {original_subject}");
  bb_settings_set_draft_language (settings, "zh_CN");
  g_clear_pointer (&draft, bb_draft_free);
  draft = bb_draft_panel_dup_draft (panel);
  g_assert_true (g_str_has_prefix (draft->subject, "Mine: "));
  g_assert_true (g_str_has_prefix (draft->body, "Dear Sir or Madam,\n"));
  g_assert_cmpstr (bb_draft_template_get_language (bb_draft_store_lookup (store, BB_DRAFT_RETRY_LATER)), ==,
                   BB_DRAFT_LANGUAGE_ZH_CN);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (view);
  g_assert_finalize_object (settings);
}

/* Screenshots for people (BB_DIAG_SCREENSHOTS=<dir>) */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  int            width = gtk_widget_get_width (widget);
  int            height = gtk_widget_get_height (widget);
  GdkPaintable  *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot   *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture    *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
  g_print ("# wrote %s (%dx%d)\n", path, width, height);

  g_object_unref (texture);
  gsk_render_node_unref (node);
  g_object_unref (paintable);
}

static void
screenshot (const char *dir,
            const char *name,
            BbBounce   *bounce,
            int         width,
            gboolean    dark,
            gboolean    checks)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("bb-shot-XXXXXX", &error);
  g_autofree char *tpath = g_build_filename (tmp, "templates.ini", NULL);
  g_autofree char *file = g_strdup_printf ("%s/%s-%d-%s.png", dir, name, width, dark ? "dark" : "light");
  BbSettings      *settings = bb_settings_new_for_settings (NULL);
  BbDraftStore    *store = bb_draft_store_new (tpath);
  GtkWidget       *window = adw_window_new ();
  GtkWidget       *view;

  bb_draft_store_load (store, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  view = g_object_new (BB_TYPE_DIAGNOSIS_VIEW, "settings", settings, "draft-store", store, NULL);
  bb_diagnosis_view_set_bounce (BB_DIAGNOSIS_VIEW (view), bounce, 0);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  /* The checks on request, answered by the test's DNS table */
  if (checks)
    {
      GtkWidget *panel = _bb_diagnosis_view_get_part (BB_DIAGNOSIS_VIEW (view), BB_DIAGNOSIS_PART_CHECK_PANEL);

      gtk_widget_activate_action (panel, "check.domain", NULL);
      gtk_widget_activate_action (panel, "check.dnsbl", NULL);
      wait_ms (1500);
    }
  /* A bare window gives its first focus to the first widget that takes
   * it, which on a page without an address may be a selectable label,
   * all selected: the application places its focus itself (see
   * end_loading() in bb-window.c) */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  /* As tall as the page, so that one picture shows all of it */
  {
    GtkWidget     *scroller = gtk_widget_get_first_child (view);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_window_set_default_size (GTK_WINDOW (window), width, (int) gtk_adjustment_get_upper (adj) + 120);
    wait_ms (300);
  }
  save_png (window, file);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
  g_object_unref (settings);
  g_remove (tpath);
  g_rmdir (tmp);
}

static void
preferences_screenshot (const char *dir,
                        int         width,
                        gboolean    dark,
                        gboolean    editor)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("bb-shot-XXXXXX", &error);
  g_autofree char *tpath = g_build_filename (tmp, "templates.ini", NULL);
  g_autofree char *file = g_strdup_printf ("%s/preferences%s-%d-%s.png", dir, editor ? "-editor" : "", width,
                                           dark ? "dark" : "light");
  BbSettings      *settings = bb_settings_new_for_settings (NULL);
  BbDraftStore    *store = bb_draft_store_new (tpath);
  GtkWidget       *window;

  bb_draft_store_load (store, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  bb_settings_set_sender_company (settings, "Ningbo Haitong Steel Co., Ltd.");
  window = g_object_new (BB_TYPE_PREFERENCES_WINDOW, "settings", settings, "draft-store", store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 1100);
  gtk_window_present (GTK_WINDOW (window));
  if (editor)
    bb_preferences_window_edit_template (BB_PREFERENCES_WINDOW (window), BB_DRAFT_MAILBOX_FULL);
  wait_ms (600);
  save_png (window, file);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
  g_object_unref (settings);
  g_remove (tpath);
  g_rmdir (tmp);
}

/* Refused for a Spamhaus listing of the sending IP */
static const char blocked_notice[] =
  "From: MAILER-DAEMON@mail.example.org\n"
  "To: rep@example.org\n"
  "Subject: Undelivered Mail Returned to Sender\n"
  "Date: Mon, 02 Mar 2026 10:00:00 +0800\n"
  "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
  "MIME-Version: 1.0\n\n"
  "--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
  "--B\nContent-Type: message/delivery-status\n\n"
  "Reporting-MTA: dns; mail.example.org\n\n"
  "Final-Recipient: rfc822; buyer@client.example\n"
  "Action: failed\nStatus: 5.7.1\n"
  "Remote-MTA: dns; mx.client.example [192.0.2.25]\n"
  "Diagnostic-Code: smtp; 554 5.7.1 Client host [203.0.113.44] blocked using zen.spamhaus.org\n"
  "--B--\n";

/* The checks in the diagnosis: the blocklist the bounce names, shown
 * offline; the domain looked up on request (from the table resolver of
 * BOUNCEBACK_DNS_TABLE, set in main); a contact picked for the draft. */
static void
test_check_panel (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (BbBounce) bounce = bb_analyze_text (blocked_notice, "test");
  g_autoptr (BbBounce) autoreply = analyze_file ("chinese", "10-autoreply-zh.eml");
  BbCheckPanel *panel;
  AdwActionRow *domain_row;
  g_autoptr (GString) blocklists = g_string_new (NULL);
  const char   *ok_text = bb_domain_status_describe (BB_DOMAIN_STATUS_OK);
  gint64        deadline;

  bb_diagnosis_view_set_bounce (f->view, bounce, 0);
  panel = BB_CHECK_PANEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_CHECK_PANEL));
  g_assert_true (part_visible (f, BB_DIAGNOSIS_PART_CHECK_PANEL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (_bb_check_panel_get_blocklist_group (panel))));
  collect_text (GTK_WIDGET (_bb_check_panel_get_blocklist_group (panel)), blocklists);
  g_assert_nonnull (strstr (blocklists->str, "Spamhaus ZEN"));
  g_assert_nonnull (strstr (blocklists->str, "203.0.113.44"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_bb_check_panel_get_site_row (panel))), ==,
                   "https://client.example/");

  /* nothing is looked up until asked */
  domain_row = _bb_check_panel_get_domain_row (panel);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (domain_row)), !=, ok_text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "check.domain", NULL));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (domain_row)), ok_text) != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (domain_row)), ==, ok_text);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (domain_row), "mx.client.example"));

  /* a contact found on the site goes into the alternate-contact draft */
  /* laid out, as on screen */
  wait_ms (300);
  g_signal_emit_by_name (panel, "use-contact", "sales@client.example");
  {
    GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (f->view));

    /* scrolled down to the draft */
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))), >, 0);
  }
  {
    BbDraftPanel *draft = BB_DRAFT_PANEL (_bb_diagnosis_view_get_part (f->view, BB_DIAGNOSIS_PART_DRAFT_PANEL));
    g_autoptr (BbDraft) filled = bb_draft_panel_dup_draft (draft);

    g_assert_cmpstr (bb_draft_panel_get_template_id (draft), ==, BB_DRAFT_ALTERNATE_CONTACT);
    g_assert_cmpstr (filled->to, ==, "sales@client.example");
  }

  /* not a bounce: no checks */
  bb_diagnosis_view_set_bounce (f->view, autoreply, 0);
  g_assert_false (part_visible (f, BB_DIAGNOSIS_PART_CHECK_PANEL));
}

static void
take_screenshots (const char *dir)
{
  const struct
  {
    const char *name;
    const char *subdir;
    const char *file;
  } cases[] = {
    { "user-unknown", "corpus/bounces", "lhost-postfix-31.eml" },
    { "mailbox-full", "chinese", "07-exmail-mailbox-full.eml" },
    { "typo", "chinese", "05-qq-domain-not-found.eml" },
    { "autoreply", "chinese", "10-autoreply-zh.eml" },
    { "not-bounce", "corpus/not-bounces", "is-not-bounce-01.eml" },
  };
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
  const char *only = g_getenv ("BB_DIAG_SCREENSHOTS_ONLY");

  gtk_css_provider_load_from_resource (css, "/io/github/bounceback/Bounceback/diagnosis.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_mkdir_with_parents (dir, 0755);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BbBounce) bounce = analyze_file (cases[i].subdir, cases[i].file);

      if (only != NULL && strstr (only, cases[i].name) == NULL)
        continue;
      screenshot (dir, cases[i].name, bounce, 800, FALSE, FALSE);
      screenshot (dir, cases[i].name, bounce, 800, TRUE, FALSE);
      screenshot (dir, cases[i].name, bounce, 360, FALSE, FALSE);
    }
  if (only == NULL || strstr (only, "too-big") != NULL)
    {
      g_autoptr (BbBounce) bounce = make_too_big_with_attachments ();

      screenshot (dir, "too-big", bounce, 800, FALSE, FALSE);
      screenshot (dir, "too-big", bounce, 360, TRUE, FALSE);
    }
  if (only == NULL || strstr (only, "checks") != NULL)
    {
      g_autoptr (BbBounce) bounce = bb_analyze_text (blocked_notice, "blocked");

      screenshot (dir, "checks", bounce, 800, FALSE, TRUE);
      screenshot (dir, "checks", bounce, 360, TRUE, TRUE);
    }
  if (only == NULL || strstr (only, "preferences") != NULL)
    {
      preferences_screenshot (dir, 640, FALSE, FALSE);
      preferences_screenshot (dir, 640, TRUE, FALSE);
      preferences_screenshot (dir, 360, FALSE, FALSE);
      preferences_screenshot (dir, 640, FALSE, TRUE);
      preferences_screenshot (dir, 360, TRUE, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char      *shots = g_getenv ("BB_DIAG_SCREENSHOTS");
  g_autofree char *data_home = NULL;
  g_autofree char *dns_table = NULL;
  int              status;

  /* The shared template store lives in $XDG_DATA_HOME: keep it out of
   * the user's folder (set before any thread starts) */
  data_home = g_dir_make_tmp ("bb-gui-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* no real DNS: the check panel asks this table */
  dns_table = g_build_filename (data_home, "dns.txt", NULL);
  g_file_set_contents (dns_table, "MX client.example 10 mx.client.example\nA gmail.com 192.0.2.200\n"
                       "A 44.113.0.203.zen.spamhaus.org 127.0.0.3\n", -1, NULL);
  g_setenv ("BOUNCEBACK_DNS_TABLE", dns_table, TRUE);

  setlocale (LC_ALL, "");
  gtk_disable_setlocale ();
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      g_remove (dns_table);
      g_rmdir (data_home);
      return 0;
    }
  g_test_init (&argc, &argv, NULL);

  adw_init ();
  bb_core_init ();
  /* As the application's main does: _() in the GUI uses the default domain */
  textdomain (GETTEXT_PACKAGE);

  if (shots != NULL)
    {
      take_screenshots (shots);
      g_remove (dns_table);
      g_rmdir (data_home);
      return 0;
    }

  g_test_add_func ("/bb/gui/diagnosis/markup-quote", test_markup_quote);
  g_test_add ("/bb/gui/diagnosis/user-unknown", Fixture, NULL, fixture_set_up, test_user_unknown, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/mailbox-full-draft", Fixture, NULL, fixture_set_up, test_mailbox_full_draft, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/edits-are-kept", Fixture, NULL, fixture_set_up, test_edits_are_kept, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/too-big", Fixture, NULL, fixture_set_up, test_too_big, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/attachments", Fixture, NULL, fixture_set_up, test_attachments, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/typo", Fixture, NULL, fixture_set_up, test_typo, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/pasted-without-address", Fixture, NULL, fixture_set_up, test_pasted_without_address, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/not-bounce", Fixture, NULL, fixture_set_up, test_not_bounce, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/autoreply", Fixture, NULL, fixture_set_up, test_autoreply, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/unreadable", Fixture, NULL, fixture_set_up, test_unreadable, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/recipient-index", Fixture, NULL, fixture_set_up, test_recipient_index, fixture_tear_down);
  g_test_add ("/bb/gui/diagnosis/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add_func ("/bb/gui/preferences/templates", test_preferences);
  g_test_add_func ("/bb/gui/diagnosis/shared-store", test_shared_store);
  g_test_add_func ("/bb/gui/diagnosis/draft-language", test_draft_language);
  g_test_add ("/bb/gui/diagnosis/check-panel", Fixture, NULL, fixture_set_up, test_check_panel, fixture_tear_down);

  status = g_test_run ();
  g_remove (dns_table);
  g_rmdir (data_home);

  return status;
}
