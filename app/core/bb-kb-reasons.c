/* bb-kb-reasons.c - what each bounce reason means and what the rep can do
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-kb.h"

/* One entry per Sisimai v5 reason, sorted by name.  The steps are written
 * for a foreign-trade sales rep: what to do today so that the lead is not
 * lost, in the order they should be tried.  They carry no numbers, because
 * bb_advice_steps() adds steps of its own around them.
 *
 * How the side is chosen (whose side must act for the mail to get
 * through):
 *  - recipient: the address, domain or mailbox of the client is at fault
 *    (userunknown, hostunknown, hasmoved, suspend, mailboxfull, notaccept,
 *    norelaying, systemfull, mailererror) or a rule the client set up
 *    (filtered).  The rep cannot repair these; only another address or
 *    another channel helps.
 *  - sender: whatever the rep's own side can change: the sending server's
 *    reputation or DNS (blocked, badreputation, requireptr, authfailure,
 *    rejected, securityerror), the message itself (spamdetected,
 *    virusdetected, contenterror, notcompliantrfc, mesgtoobig,
 *    exceedlimit: the size limit belongs to the client, but the size of
 *    the mail is the sender's to change), and the sending pace (speeding,
 *    toomanyconn).  policyviolation is a rule of the client's company, but
 *    the rep can nearly always get through by changing the attachment or
 *    the format, so it is sender side too.  feedback is not a bounce, yet
 *    the rep must act on it: stop mailing the person who complained.
 *  - nobody: passing trouble where servers retry by themselves (expired,
 *    networkerror, systemerror) and the pseudo reasons that need no fix
 *    (delivered, vacation).
 *  - unknown: onhold and undefined, where the notice says too little.
 *
 * Urgency: high when a lead is lost unless the rep acts now (wrong or dead
 * address, sender blocked or failing authentication), medium when the
 * mail must be changed and sent again (content, size, full mailbox),
 * low for temporary trouble and for notices that are not bounces. */
static const BbReasonInfo reason_infos[] = {
  {
      .reason = "authfailure",
      .category = BB_CATEGORY_AUTHENTICATION,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Your domain failed the sender checks (SPF, DKIM, DMARC)"),
      .explanation = N_ ("The client's server checked whether your mail really comes from "
                         "your company's domain, the check failed, and it refused the "
                         "message. This is a setting of your own domain, not a problem with "
                         "the client's address. Resending will fail the same way until it is "
                         "fixed."),
      .steps = {
          N_ ("Do not resend the same way, and do not blame the client: their "
              "address is fine."),
          N_ ("Forward this notice, as an attachment, to whoever manages your "
              "company's mail and domain, and ask them to check SPF, DKIM and "
              "DMARC for your domain."),
          N_ ("If you also send through a CRM or a mass-mail service, make sure "
              "it is included in your domain's SPF record and signs with DKIM."),
          N_ ("Meanwhile, reach the client by phone, WhatsApp or LinkedIn so the "
              "lead does not go cold."),
          N_ ("Once IT confirms the fix, send a test mail to a Gmail or Outlook "
              "address of your own, then send to the client again."),
          NULL,
      },
  },
  {
      .reason = "badreputation",
      .category = BB_CATEGORY_REPUTATION,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Your sending server has a poor reputation"),
      .explanation = N_ ("The client's server refused your mail because the server it comes "
                         "from (its IP address) has a bad reputation score. This is on your "
                         "side, not the client's: often other users of the same server sent "
                         "spam. Sending again the same way will be refused again."),
      .steps = {
          N_ ("Do not keep resending: every refused attempt can make the "
              "reputation worse."),
          N_ ("If you send through a company mail server, forward this notice to "
              "IT and ask them to check the server's IP address on blocklists "
              "and with the big providers' sender tools."),
          N_ ("If you send from a shared free mailbox, you cannot repair its "
              "reputation yourself: write to this client from your company "
              "mailbox instead."),
          N_ ("Send fewer, personal mails rather than the same text to many "
              "people."),
          N_ ("Meanwhile, reach the client by phone, WhatsApp or LinkedIn so the "
              "lead is not lost."),
          NULL,
      },
  },
  {
      .reason = "blocked",
      .category = BB_CATEGORY_REPUTATION,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Your server or address is blocked"),
      .explanation = N_ ("The client's server refused mail from your sending server, usually "
                         "because its IP address or name is on a blocklist. The client's "
                         "address is probably fine: the block is about where your mail comes "
                         "from. Sending again the same way will fail again."),
      .steps = {
          N_ ("Do not blame the client and do not mark the address as wrong: the "
              "block is on your side."),
          N_ ("Look in the notice for the name of a blocklist (Spamhaus, "
              "SpamCop, Barracuda …) or a link, and give it to your IT or mail "
              "provider."),
          N_ ("If you send from a company server, ask IT to check it on "
              "blocklists, fix the cause (a hacked account, for example) and "
              "request removal."),
          N_ ("If you send from a free mailbox such as QQ Mail or 163, you cannot "
              "get it removed yourself: write to this client from your company "
              "mailbox instead."),
          N_ ("Meanwhile, contact the client another way (phone, WhatsApp, "
              "LinkedIn) and tell them your mail may be blocked."),
          NULL,
      },
  },
  {
      .reason = "contenterror",
      .category = BB_CATEGORY_CONTENT,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("The format of your message was refused"),
      .explanation = N_ ("The client's server refused the message because its technical "
                         "format (headers or structure) looked broken or unacceptable. This "
                         "usually comes from a mass-mail tool or an unusual mail program, not "
                         "from what you wrote."),
      .steps = {
          N_ ("Send the message again from a normal mail program (Outlook, "
              "Foxmail, web mail) rather than a mass-mail tool."),
          N_ ("Write a plain, simple version: no special formatting, no content "
              "pasted from web pages, few attachments."),
          N_ ("If it happens with every client, ask your IT to check the mail "
              "program or tool that builds your messages."),
          NULL,
      },
  },
  {
      .reason = "delivered",
      .category = BB_CATEGORY_NOT_BOUNCE,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_NOBODY,
      .headline = N_ ("Your mail was delivered"),
      .explanation = N_ ("This is not a bounce: it is a receipt saying that your message "
                         "reached the client's server. There is nothing to fix."),
      .steps = {
          N_ ("Nothing to do: the message was delivered."),
          N_ ("If the client does not answer, follow up in a few days as "
              "usual."),
          NULL,
      },
  },
  {
      .reason = "exceedlimit",
      .category = BB_CATEGORY_TOO_BIG,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("The message is over the recipient's size limit"),
      .explanation = N_ ("The message is bigger than this client's mailbox accepts. Large "
                         "catalogues, price lists and photos are the usual cause. The address "
                         "is fine: a smaller message will get through."),
      .steps = {
          N_ ("Take the large attachments out, put them in a cloud folder and "
              "send the download link instead."),
          N_ ("Compress photos and save catalogues as smaller PDFs; keep the "
              "whole mail under about 10 MB."),
          N_ ("Send again with the key points written in the mail itself, so the "
              "client can read it without opening any file."),
          NULL,
      },
  },
  {
      .reason = "expired",
      .category = BB_CATEGORY_TEMPORARY,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_NOBODY,
      .headline = N_ ("Delivery gave up after retrying"),
      .explanation = N_ ("Your server tried to deliver the message for a long time, often "
                         "several days, and then gave up, usually because the client's server "
                         "could not be reached. Nobody did anything wrong; it is normally a "
                         "passing problem."),
      .steps = {
          N_ ("Send the message again in 24–48 hours."),
          N_ ("If it fails again, open the client's website to check that the "
              "domain still works."),
          N_ ("If the website is down too, contact the client by phone, WhatsApp "
              "or LinkedIn: the company may have changed its domain."),
          NULL,
      },
  },
  {
      .reason = "feedback",
      .category = BB_CATEGORY_NOT_BOUNCE,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Someone reported your mail as spam"),
      .explanation = N_ ("This is not a bounce: it is a report that a recipient marked your "
                         "mail as spam, or that your domain failed a check at their provider. "
                         "Such reports hurt your sender reputation and send more of your mail "
                         "to spam folders."),
      .steps = {
          N_ ("Stop mailing the address in the report: no more offers or "
              "newsletters to it."),
          N_ ("Remove the address from every mailing list and tool you use."),
          N_ ("If it is a report about failed checks (SPF, DKIM, DMARC), pass it "
              "to your IT: it shows where your domain's setup fails."),
          N_ ("Only mail people who expect to hear from you, and write to them "
              "personally."),
          NULL,
      },
  },
  {
      .reason = "filtered",
      .category = BB_CATEGORY_POLICY,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The recipient's filter refused your mail"),
      .explanation = N_ ("The client's mailbox or server has a rule that refuses your mail, "
                         "for example because your address is blocked there or only known "
                         "senders are accepted. The address exists, but only the recipient's "
                         "side can lift the rule."),
      .steps = {
          N_ ("Contact the client another way (phone, WhatsApp, LinkedIn) and "
              "ask them to add your address to their safe senders, or to ask "
              "their IT."),
          N_ ("Do not send the same mail many times: it will be refused again."),
          N_ ("Meanwhile, send the key points through the other channel so the "
              "deal keeps moving."),
          N_ ("If you know another person at the company, write to them too."),
          NULL,
      },
  },
  {
      .reason = "hasmoved",
      .category = BB_CATEGORY_MAILBOX,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The contact has moved to another address"),
      .explanation = N_ ("The mailbox used to exist but has been moved, and mail is not "
                         "forwarded. Usually the person changed jobs or the company changed "
                         "its addresses. Sending again to this address is pointless."),
      .steps = {
          N_ ("Mark this address as no longer valid in your customer list."),
          N_ ("Look on the client's website or LinkedIn for the person's new "
              "address or a general contact (info@, sales@, purchase@)."),
          N_ ("Write to the general address, name your earlier contact, and ask "
              "who handles purchasing now."),
          N_ ("If the person changed company, they may still be a lead: look "
              "them up on LinkedIn."),
          NULL,
      },
  },
  {
      .reason = "hostunknown",
      .category = BB_CATEGORY_DOMAIN,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The domain does not exist"),
      .explanation = N_ ("The part after the @ in the address has no mail server: it is "
                         "misspelt, the company's domain has expired, or it never received "
                         "mail. Sending again to this address will always fail."),
      .steps = {
          N_ ("Compare the domain letter by letter with the client's business "
              "card, website or earlier mails (gmial.com instead of gmail.com, for "
              "example)."),
          N_ ("Open the client's website: if it does not load, the company may "
              "have closed or changed its domain."),
          N_ ("Look for a current address on the website, in trade-show records "
              "or on LinkedIn (info@, sales@)."),
          N_ ("Mark the lead as \"to verify\" in your customer list until you "
              "have a working address."),
          NULL,
      },
  },
  {
      .reason = "mailboxfull",
      .category = BB_CATEGORY_MAILBOX,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The recipient's mailbox is full"),
      .explanation = N_ ("The client's mailbox has no space left, so it refused new mail. The "
                         "address is right. It often clears once they delete old mail, but a "
                         "mailbox that stays full for weeks is probably no longer read."),
      .steps = {
          N_ ("Wait 24–48 hours, then send again."),
          N_ ("Make the new mail short: key points at the top, no large "
              "attachments (send a link instead)."),
          N_ ("If it is urgent, tell the client by phone or WhatsApp that their "
              "mailbox is full."),
          N_ ("If it is still full after a week or two, write to another person "
              "at the company or to a general address (info@, sales@)."),
          NULL,
      },
  },
  {
      .reason = "mailererror",
      .category = BB_CATEGORY_TEMPORARY,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The recipient's mail system had an internal error"),
      .explanation = N_ ("A program on the client's mail server that delivers or filters mail "
                         "failed. The fault is on their side; your message and the address "
                         "may well be fine."),
      .steps = {
          N_ ("Send the message again in 24–48 hours."),
          N_ ("If it fails again, tell the client by phone or WhatsApp that their "
              "mail system returns errors."),
          N_ ("Meanwhile, use another address at the company if you have one."),
          NULL,
      },
  },
  {
      .reason = "mesgtoobig",
      .category = BB_CATEGORY_TOO_BIG,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("The message is too big"),
      .explanation = N_ ("The message is bigger than the client's server accepts. Many company "
                         "servers take only 10 to 20 MB, and attachments grow by about a third "
                         "when sent. The address is fine: a smaller message will get "
                         "through."),
      .steps = {
          N_ ("Take the large attachments out, put them in a cloud folder and "
              "send the download link instead."),
          N_ ("Compress photos and save catalogues as smaller PDFs; keep the "
              "whole mail under about 10 MB."),
          N_ ("Send again with the key points written in the mail itself, so the "
              "client can read it without opening any file."),
          NULL,
      },
  },
  {
      .reason = "networkerror",
      .category = BB_CATEGORY_TEMPORARY,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_NOBODY,
      .headline = N_ ("A network problem stopped delivery"),
      .explanation = N_ ("Your mail could not reach the client's server because of a network "
                         "or DNS problem on the way. This is usually temporary, and nobody has "
                         "to do anything yet."),
      .steps = {
          N_ ("Wait: the sending server usually tries again by itself."),
          N_ ("If you then get a final failure, send again in 24–48 hours."),
          N_ ("If it keeps failing for days, check the spelling of the domain and "
              "whether the client's website still works."),
          NULL,
      },
  },
  {
      .reason = "norelaying",
      .category = BB_CATEGORY_DOMAIN,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The receiving server does not handle mail for this address"),
      .explanation = N_ ("The server that got your mail says it does not handle mail for this "
                         "domain (\"relay access denied\"). Usually the client's domain points "
                         "to the wrong mail server after a move, or the domain is misspelt. "
                         "More rarely, your own mail program did not log in to your "
                         "server."),
      .steps = {
          N_ ("Check the spelling of the domain against the client's business "
              "card or website."),
          N_ ("If the address is right, tell the client by phone or WhatsApp: "
              "their IT must fix where their domain's mail goes."),
          N_ ("If every mail you send fails this way, ask IT to check that your "
              "mail program logs in to the outgoing server."),
          N_ ("Meanwhile, keep in touch with the client through another "
              "channel."),
          NULL,
      },
  },
  {
      .reason = "notaccept",
      .category = BB_CATEGORY_DOMAIN,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The recipient's domain does not accept mail"),
      .explanation = N_ ("The client's domain or server says it takes no email at all, or not "
                         "at the moment. If the refusal is permanent, the domain is no longer "
                         "used for mail."),
      .steps = {
          N_ ("Check the spelling of the domain against the client's business "
              "card or website."),
          N_ ("Look on the client's website for a current address (info@, "
              "sales@)."),
          N_ ("If the notice says the problem is temporary, send again in 24–48 "
              "hours."),
          N_ ("Mark the lead as \"to verify\" in your customer list until you "
              "have a working address."),
          NULL,
      },
  },
  {
      .reason = "notcompliantrfc",
      .category = BB_CATEGORY_CONTENT,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Your message breaks the email format rules"),
      .explanation = N_ ("The client's server refused the message because it breaks the "
                         "technical rules for email, for example two subject lines or a badly "
                         "encoded sender name. This usually comes from a mass-mail tool or a "
                         "badly set-up mail program."),
      .steps = {
          N_ ("Send the message again from a normal mail program (Outlook, "
              "Foxmail, web mail) rather than a mass-mail tool."),
          N_ ("Avoid special symbols and emoji in your sender name and in the "
              "subject."),
          N_ ("If it keeps happening, ask your IT to check the tool or program "
              "that sends your mail."),
          NULL,
      },
  },
  {
      .reason = "onhold",
      .category = BB_CATEGORY_UNKNOWN,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_UNKNOWN,
      .headline = N_ ("The notice does not give enough detail"),
      .explanation = N_ ("This is a failure notice, but it does not say clearly why delivery "
                         "failed. The server's own words may still give a clue."),
      .steps = {
          N_ ("Read the server's own words in the notice for an address, a code "
              "or a reason."),
          N_ ("Send the message once more the next day; if it fails again, the "
              "new notice is often clearer."),
          N_ ("If it keeps failing, forward the notice to your IT as an "
              "attachment."),
          N_ ("If the mail is important, contact the client another way "
              "meanwhile."),
          NULL,
      },
  },
  {
      .reason = "policyviolation",
      .category = BB_CATEGORY_POLICY,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Refused by the recipient's mail rules"),
      .explanation = N_ ("The client's server refused the message because it breaks one of "
                         "their company's mail rules, for example a forbidden attachment type, "
                         "too many recipients or a format they block. The address is fine: "
                         "changing what you send usually works."),
      .steps = {
          N_ ("Remove risky attachments (.exe, .js, .bat, encrypted or nested zip "
              "files, documents with macros); send a PDF or a link instead."),
          N_ ("Write to one client per mail, not to a long list of addresses."),
          N_ ("Send a short, plain message first and ask how they prefer to "
              "receive files."),
          N_ ("If it still fails, ask the client to check with their IT which "
              "rule stopped your mail."),
          NULL,
      },
  },
  {
      .reason = "rejected",
      .category = BB_CATEGORY_REPUTATION,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Your sender address was refused"),
      .explanation = N_ ("The client's server refused your sender address or domain itself, "
                         "before looking at the message: your domain could not be verified, "
                         "for example, or your address is blocked there. This is on your "
                         "side."),
      .steps = {
          N_ ("Check the sender address in your mail program: it must be your "
              "real, complete address, the same as the account you log in "
              "with."),
          N_ ("Forward this notice to your IT and ask them to check your domain's "
              "DNS (MX and SPF records)."),
          N_ ("If the client blocked you on purpose, only they can undo it: ask "
              "them by phone or WhatsApp."),
          N_ ("Meanwhile, send from your company mailbox or another properly "
              "set-up address."),
          NULL,
      },
  },
  {
      .reason = "requireptr",
      .category = BB_CATEGORY_AUTHENTICATION,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Your sending server has no reverse DNS"),
      .explanation = N_ ("The IP address of the server that sent your mail has no valid "
                         "reverse DNS (PTR) name, and the client's server refuses mail from "
                         "such servers. Only whoever runs the sending server can fix it."),
      .steps = {
          N_ ("Do not resend the same way: it will be refused again."),
          N_ ("Forward this notice to your IT or hosting company and ask them to "
              "set a PTR record for the sending IP address that matches the "
              "server's name."),
          N_ ("Meanwhile, send from your company's main mail service or another "
              "properly set-up mailbox."),
          N_ ("If the mail is urgent, contact the client another way."),
          NULL,
      },
  },
  {
      .reason = "securityerror",
      .category = BB_CATEGORY_AUTHENTICATION,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Refused by a security check"),
      .explanation = N_ ("The client's server refused the message for a security reason: it "
                         "could not confirm that you may send for your domain, or it needed a "
                         "login or encryption that your server did not provide. This is on "
                         "your side."),
      .steps = {
          N_ ("Forward this notice to your IT and ask them to check SPF, DKIM and "
              "DMARC for your domain, and that your server encrypts its "
              "connections (TLS)."),
          N_ ("Make sure the From address is the same as the mailbox you log in "
              "with."),
          N_ ("Meanwhile, reach the client another way, or send from a properly "
              "set-up mailbox."),
          NULL,
      },
  },
  {
      .reason = "spamdetected",
      .category = BB_CATEGORY_CONTENT,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Your message was judged to be spam"),
      .explanation = N_ ("The client's spam filter thought your message looked like "
                         "advertising or spam and refused it. Both addresses are fine: the "
                         "words, links, images or attachments of this mail set off the "
                         "filter."),
      .steps = {
          N_ ("Rewrite the subject: no words in capital letters, no exclamation "
              "marks, no words like FREE, PROMOTION or BEST PRICE."),
          N_ ("Send a short plain-text first mail: a personal greeting, one "
              "question, no images, at most one link."),
          N_ ("Leave attachments out of the first mail; offer the catalogue or "
              "price list once the client replies."),
          N_ ("Do not send the same text to many people at once; write to each "
              "client personally."),
          N_ ("If every mail is refused, ask your IT to check SPF, DKIM and DMARC "
              "for your domain."),
          NULL,
      },
  },
  {
      .reason = "speeding",
      .category = BB_CATEGORY_RATE_LIMITED,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("You are sending too fast"),
      .explanation = N_ ("The client's server, or your own provider, limits how much mail you "
                         "may send in a short time. The limit is temporary, but sending more "
                         "now makes it worse."),
      .steps = {
          N_ ("Stop sending for a few hours; the limit lifts by itself."),
          N_ ("Then send again one by one, not in a burst."),
          N_ ("Keep under 10 to 20 mails a day to the same client domain, and "
              "spread the rest of your mail over the day."),
          N_ ("If you need to send much more, use your company mailbox or a "
              "proper mailing service rather than a personal mailbox."),
          NULL,
      },
  },
  {
      .reason = "suspend",
      .category = BB_CATEGORY_MAILBOX,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The recipient's mailbox is disabled"),
      .explanation = N_ ("The client's mailbox exists but has been switched off or suspended, "
                         "often because the person left the company. Mail sent to it will not "
                         "be read."),
      .steps = {
          N_ ("Mark this address as inactive in your customer list."),
          N_ ("Look on the client's website or LinkedIn for a colleague or a "
              "general address (info@, sales@, purchase@)."),
          N_ ("Write to that address and ask who handles your products now."),
          N_ ("If it is a free mailbox, ask the client for a new address by phone "
              "or WhatsApp."),
          NULL,
      },
  },
  {
      .reason = "syntaxerror",
      .category = BB_CATEGORY_UNKNOWN,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("The mail servers did not understand each other"),
      .explanation = N_ ("The client's server did not understand a command from the sending "
                         "server. This is a technical fault in the sending software or "
                         "server, not in the wording of your message."),
      .steps = {
          N_ ("Send the message again from a normal mail program (Outlook, "
              "Foxmail, web mail) rather than a sending tool."),
          N_ ("If it keeps happening, forward the notice, as an attachment, to "
              "your IT or mail provider."),
          N_ ("If the mail is urgent, contact the client another way."),
          NULL,
      },
  },
  {
      .reason = "systemerror",
      .category = BB_CATEGORY_TEMPORARY,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_NOBODY,
      .headline = N_ ("The recipient's mail system had a problem"),
      .explanation = N_ ("Something went wrong inside the client's mail system, such as a "
                         "directory fault or a mail loop. It is usually temporary and not "
                         "caused by you."),
      .steps = {
          N_ ("Wait: the sending server usually tries again by itself."),
          N_ ("If you then get a final failure, send again in 24–48 hours."),
          N_ ("If it keeps failing, tell the client by phone or WhatsApp that "
              "their mail server returns errors."),
          NULL,
      },
  },
  {
      .reason = "systemfull",
      .category = BB_CATEGORY_TEMPORARY,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The recipient's mail server is full"),
      .explanation = N_ ("The client's mail server has run out of storage space. This is for "
                         "their IT to fix, and it is usually fixed quickly."),
      .steps = {
          N_ ("Send again in 24–48 hours."),
          N_ ("If it still fails, tell the client by phone or WhatsApp that their "
              "mail server is full."),
          N_ ("Meanwhile, send the key points through another channel."),
          NULL,
      },
  },
  {
      .reason = "toomanyconn",
      .category = BB_CATEGORY_RATE_LIMITED,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("Too many connections at once"),
      .explanation = N_ ("The client's server refused for now because too many connections or "
                         "messages came from your sending server at the same time. It is "
                         "temporary, and the server usually tries again."),
      .steps = {
          N_ ("Wait: the sending server usually tries again by itself."),
          N_ ("If you then get a final failure, send again in a few hours, one "
              "mail at a time."),
          N_ ("Do not send to many people in one burst; spread your mail over the "
              "day."),
          NULL,
      },
  },
  {
      .reason = "undefined",
      .category = BB_CATEGORY_UNKNOWN,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_UNKNOWN,
      .headline = N_ ("The reason could not be worked out"),
      .explanation = N_ ("The notice does not say, in any way we recognise, why delivery "
                         "failed. The server's own words may still help, or your IT can "
                         "read it."),
      .steps = {
          N_ ("Read the server's own words in the notice for a code or a "
              "reason."),
          N_ ("If the client matters, forward the notice to your IT as an "
              "attachment."),
          N_ ("If the mail is important, contact the client another way "
              "meanwhile."),
          NULL,
      },
  },
  {
      .reason = "userunknown",
      .category = BB_CATEGORY_ADDRESS,
      .urgency = BB_URGENCY_HIGH,
      .side = BB_SIDE_RECIPIENT,
      .headline = N_ ("The address does not exist"),
      .explanation = N_ ("The client's server says there is no mailbox with this name. "
                         "Usually the address is misspelt, or the person has left the "
                         "company. Sending again to the same address will always fail."),
      .steps = {
          N_ ("Compare the address letter by letter with the business card, the "
              "client's website or their earlier mails (john.smith@ and jsmith@ "
              "are different addresses)."),
          N_ ("Look on the client's website or LinkedIn for another contact or a "
              "general address (info@, sales@, purchase@)."),
          N_ ("Write to that address, name the person, and ask for their current "
              "email."),
          N_ ("Mark the lead as \"to verify\" in your customer list until you "
              "have a working address."),
          NULL,
      },
  },
  {
      .reason = "vacation",
      .category = BB_CATEGORY_NOT_BOUNCE,
      .urgency = BB_URGENCY_LOW,
      .side = BB_SIDE_NOBODY,
      .headline = N_ ("Automatic reply: the client is away"),
      .explanation = N_ ("This is not a bounce: your mail was delivered, and the client's "
                         "mailbox answered automatically, usually because they are on holiday "
                         "or out of the office."),
      .steps = {
          N_ ("Nothing to resend: your mail arrived."),
          N_ ("Read the reply for the return date and for a colleague to contact "
              "meanwhile."),
          N_ ("Follow up after the date they give."),
          NULL,
      },
  },
  {
      .reason = "virusdetected",
      .category = BB_CATEGORY_CONTENT,
      .urgency = BB_URGENCY_MEDIUM,
      .side = BB_SIDE_SENDER,
      .headline = N_ ("A virus was found in your message"),
      .explanation = N_ ("The client's virus scanner found, or suspected, malware in your "
                         "message, usually in an attachment. It may be a false alarm caused by "
                         "the file type, but your computer may also be infected."),
      .steps = {
          N_ ("Do not send the same attachment again."),
          N_ ("Scan your computer with an up-to-date antivirus program, and tell "
              "IT if anything is found."),
          N_ ("Send files as PDF or through a cloud link rather than Office files "
              "with macros or zip archives."),
          N_ ("Tell the client by phone or WhatsApp, so they know the mail was "
              "really from you."),
          NULL,
      },
  },
};

/* The names alone, in the same order, for bb_kb_reasons() */
static const char *const reason_names[] = {
  "authfailure", "badreputation", "blocked", "contenterror", "delivered",
  "exceedlimit", "expired", "feedback", "filtered", "hasmoved",
  "hostunknown", "mailboxfull", "mailererror", "mesgtoobig", "networkerror",
  "norelaying", "notaccept", "notcompliantrfc", "onhold", "policyviolation",
  "rejected", "requireptr", "securityerror", "spamdetected", "speeding",
  "suspend", "syntaxerror", "systemerror", "systemfull", "toomanyconn",
  "undefined", "userunknown", "vacation", "virusdetected",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (reason_names) == G_N_ELEMENTS (reason_infos) + 1);

/**
 * bb_kb_reason_info:
 * @reason: (nullable): a Sisimai v5 reason name such as "userunknown"
 *
 * Returns: (nullable): the static knowledge about @reason, with
 *   untranslated strings, or %NULL for an unknown reason
 */
const BbReasonInfo *
bb_kb_reason_info (const char *reason)
{
  if (reason == NULL)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (reason_infos); i++)
    if (g_str_equal (reason_infos[i].reason, reason))
      return &reason_infos[i];

  return NULL;
}

/**
 * bb_kb_reasons:
 *
 * Returns: (transfer none): the %NULL-terminated list of every reason
 *   name the knowledge base knows, sorted
 */
const char *const *
bb_kb_reasons (void)
{
  return reason_names;
}
