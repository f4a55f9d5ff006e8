/* bb-draft.h - resend drafts filled from a diagnosis
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-bounce.h"

G_BEGIN_DECLS

/* Built-in template ids */
#define BB_DRAFT_MAILBOX_FULL      "mailbox-full"
#define BB_DRAFT_LINK_INSTEAD      "link-instead"
#define BB_DRAFT_ALTERNATE_CONTACT "alternate-contact"
#define BB_DRAFT_RETRY_LATER       "retry-later"

/* The languages the built-in templates are written in.  This is the
 * language of the text sent to the client, chosen in Preferences; it
 * has nothing to do with the language of the user interface. */
#define BB_DRAFT_LANGUAGE_EN       "en"
#define BB_DRAFT_LANGUAGE_ZH_CN    "zh_CN"

/**
 * BbSenderIdentity:
 * @name: the rep's name ("Li Wei")
 * @company: the rep's company
 * @signature: the signature block, several lines
 * @address: the rep's own address (From of the draft), or %NULL to take
 *   the sender of the bounced original
 *
 * Set once in Preferences; all fields may be %NULL or empty.
 */
typedef struct
{
  const char *name;
  const char *company;
  const char *signature;
  const char *address;
} BbSenderIdentity;

#define BB_TYPE_DRAFT_TEMPLATE (bb_draft_template_get_type ())
G_DECLARE_FINAL_TYPE (BbDraftTemplate, bb_draft_template, BB, DRAFT_TEMPLATE, GObject)

/* A template: subject and body with {placeholders}:
 *   {client_name} {failed_address} {corrected_address} {to_address}
 *   {original_subject} {original_date} {attachments} {key_points}
 *   {cloud_link} {my_name} {my_company} {signature} {reason}
 *   {original_text} (the earlier email's text when the analysis kept it)
 *   {greeting} ("Dear <client name>," or "Dear Sir or Madam,"; in
 *   Chinese "尊敬的<client name>：" or "您好：")
 * Unknown placeholders are left as they are.  The "language" property
 * (BB_DRAFT_LANGUAGE_EN, the default, or BB_DRAFT_LANGUAGE_ZH_CN) is the
 * language of the text: the values bb_draft_fill() makes up (greeting,
 * date, reason …) are written in it. */
BbDraftTemplate *bb_draft_template_new            (const char *id,
                                                   const char *name,
                                                   const char *subject,
                                                   const char *body,
                                                   gboolean    builtin);
const char      *bb_draft_template_get_id         (BbDraftTemplate *self);
const char      *bb_draft_template_get_name       (BbDraftTemplate *self);
const char      *bb_draft_template_get_subject    (BbDraftTemplate *self);
const char      *bb_draft_template_get_body       (BbDraftTemplate *self);
const char      *bb_draft_template_get_language   (BbDraftTemplate *self);
gboolean         bb_draft_template_get_builtin    (BbDraftTemplate *self);
gboolean         bb_draft_template_get_modified   (BbDraftTemplate *self);
void             bb_draft_template_set_name       (BbDraftTemplate *self,
                                                   const char      *name);
void             bb_draft_template_set_subject    (BbDraftTemplate *self,
                                                   const char      *subject);
void             bb_draft_template_set_body       (BbDraftTemplate *self,
                                                   const char      *body);

#define BB_TYPE_DRAFT_STORE (bb_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (BbDraftStore, bb_draft_store, BB, DRAFT_STORE, GObject)

/* The templates: the four built-ins (possibly edited by the user) and the
 * user's own, persisted as a GKeyFile in @path (usually
 * $XDG_DATA_HOME/bounceback/templates.ini).  Implements GListModel of
 * BbDraftTemplate.  The "language" property (construct, settable; "en"
 * by default) picks the text of the built-ins the rep has not rewritten. */
BbDraftStore    *bb_draft_store_new               (const char      *path);
const char      *bb_draft_store_get_language      (BbDraftStore    *self);
void             bb_draft_store_set_language      (BbDraftStore    *self,
                                                   const char      *language);
gboolean         bb_draft_store_load              (BbDraftStore    *self,
                                                   GError         **error);
gboolean         bb_draft_store_save              (BbDraftStore    *self,
                                                   GError         **error);
BbDraftTemplate *bb_draft_store_lookup            (BbDraftStore    *self,
                                                   const char      *id);
BbDraftTemplate *bb_draft_store_add               (BbDraftStore    *self,
                                                   const char      *name);
gboolean         bb_draft_store_remove            (BbDraftStore    *self,
                                                   const char      *id);
void             bb_draft_store_reset             (BbDraftStore    *self,
                                                   const char      *id);

/**
 * BbDraft:
 * @to: the address to send to (the corrected or the original address,
 *   or empty for an alternate contact the rep must fill in)
 * @subject: filled subject
 * @body: filled body, plain text
 */
typedef struct
{
  char *to;
  char *subject;
  char *body;
} BbDraft;

const char *bb_draft_suggest_template  (BbBounce               *bounce,
                                        BbRecipient            *recipient);
BbDraft    *bb_draft_fill              (BbDraftTemplate        *tmpl,
                                        BbBounce               *bounce,
                                        BbRecipient            *recipient,
                                        const BbSenderIdentity *me);
void        bb_draft_free              (BbDraft                *draft);
char       *bb_draft_to_text           (const BbDraft          *draft);
char       *bb_draft_to_mailto         (const BbDraft          *draft);
gboolean    bb_draft_write_eml         (const BbDraft          *draft,
                                        const BbSenderIdentity *me,
                                        const char             *path,
                                        GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbDraft, bb_draft_free)

G_END_DECLS
