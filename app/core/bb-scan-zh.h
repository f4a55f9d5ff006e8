/* bb-scan-zh.h - the notices Chinese providers send their own users
 * (NetEase 163/126/yeah, QQ Mail / Foxmail, Tencent Exmail, Alibaba Mail,
 * Coremail): fixed templates in Chinese around the remote server's reply
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-scan.h"

G_BEGIN_DECLS

/**
 * bb_scan_zh:
 * @text: the notice's text, UTF-8 (HTML already turned into text)
 * @len: its length
 * @result: where to add hits (BbScanHit) for the failed recipients
 *
 * Recognises a Chinese provider's notice and adds one hit per failed
 * recipient, with the diagnostic taken from the remote server's own words
 * (NetEase's 英文说明, QQ's "host … said: …" text after 退信原因), never
 * from the friendly Chinese sentence, which can contradict them.
 *
 * Returns: the provider id whose template was recognised ("netease",
 *   "tencent", "exmail", "alibaba", "coremail"), or %NULL (then @result is
 *   untouched)
 */
const char *bb_scan_zh (const char   *text,
                        gsize         len,
                        BbScanResult *result);

G_END_DECLS
