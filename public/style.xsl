<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an Atom 1.0 or RSS 2.0 feed as a readable page in a browser. Written by feeds. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
<xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
<xsl:variable name="site-title">Feeds demo: world news</xsl:variable>
<xsl:variable name="site-url">https://feeds.example.org/</xsl:variable>
<xsl:variable name="site-lang">en</xsl:variable>
<xsl:variable name="channel" select="/rss/channel"/>
<xsl:variable name="title" select="normalize-space(/atom:feed/atom:title | $channel/title)"/>

<xsl:template match="/">
  <html>
    <xsl:attribute name="lang">
      <xsl:choose>
        <xsl:when test="/atom:feed/@xml:lang | $channel/language">
          <xsl:value-of select="(/atom:feed/@xml:lang | $channel/language)[1]"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$site-lang"/></xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
    <head>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title><xsl:value-of select="$title"/> (web feed)</title>
      <style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;line-height:1.5;color:#222;background:#fff}a{color:#0645ad}time{color:#555;font-size:.9rem}h2{font-size:1.2rem;margin:1.5rem 0 .25rem}.note{background:#eef3fb;border-left:4px solid #0645ad;padding:.5rem 1rem}code{overflow-wrap:anywhere}</style>
    </head>
    <body>
      <header>
        <p><a href="index.html"><xsl:value-of select="$site-title"/></a></p>
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:value-of select="/atom:feed/atom:subtitle | $channel/description"/></p>
        <p class="note"><strong>This is a web feed:</strong> copy its URL into your feed reader
          to subscribe.
          <xsl:for-each select="(/atom:feed/atom:link | $channel/atom:link)[@rel='self'][1]">
            <br/><code><xsl:value-of select="@href"/></code>
          </xsl:for-each>
        </p>
      </header>
      <main>
        <xsl:apply-templates select="/atom:feed/atom:entry | $channel/item"/>
      </main>
    </body>
  </html>
</xsl:template>

<xsl:template match="atom:entry">
  <xsl:call-template name="entry">
    <xsl:with-param name="title" select="atom:title"/>
    <xsl:with-param name="link" select="atom:link[@rel='alternate' or not(@rel)][1]/@href"/>
    <xsl:with-param name="date" select="substring((atom:published | atom:updated)[1], 1, 10)"/>
    <xsl:with-param name="summary" select="atom:summary"/>
  </xsl:call-template>
</xsl:template>

<xsl:template match="item">
  <xsl:variable name="date" select="substring-after(normalize-space(pubDate), ', ')"/>
  <xsl:variable name="month" select="substring-before(substring-after($date, ' '), ' ')"/>
  <xsl:call-template name="entry">
    <xsl:with-param name="title" select="title"/>
    <xsl:with-param name="link" select="link"/>
    <xsl:with-param name="date" select="concat(
      substring(substring-after(substring-after($date, ' '), ' '), 1, 4), '-',
      format-number(string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec',
        $month)) div 3 + 1, '00'), '-',
      format-number(substring-before($date, ' '), '00'))"/>
    <xsl:with-param name="summary">
      <xsl:call-template name="unescape">
        <xsl:with-param name="text" select="description"/>
      </xsl:call-template>
    </xsl:with-param>
  </xsl:call-template>
</xsl:template>

<xsl:template name="entry">
  <xsl:param name="title"/>
  <xsl:param name="link"/>
  <xsl:param name="date"/>
  <xsl:param name="summary"/>
  <article>
    <h2>
      <xsl:choose>
        <xsl:when test="string($link)">
          <a>
            <xsl:attribute name="href">
              <xsl:call-template name="relative">
                <xsl:with-param name="url" select="normalize-space($link)"/>
              </xsl:call-template>
            </xsl:attribute>
            <xsl:value-of select="$title"/>
          </a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
      </xsl:choose>
    </h2>
    <xsl:if test="translate($date, '0123456789', '##########') = '####-##-##'">
      <p><time datetime="{$date}">
        <xsl:value-of select="number(substring($date, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="normalize-space(substring(concat(
          'January  February March    April    May      June     ',
          'July     August   SeptemberOctober  November December '),
          (substring($date, 6, 2) - 1) * 9 + 1, 9))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($date, 1, 4)"/>
      </time></p>
    </xsl:if>
    <p><xsl:value-of select="$summary"/></p>
  </article>
</xsl:template>

<!-- A link under the site's base URL, relative to the feed (which sits at the base). -->
<xsl:template name="relative">
  <xsl:param name="url"/>
  <xsl:choose>
    <xsl:when test="starts-with($url, $site-url) and $url != $site-url">
      <xsl:value-of select="substring($url, string-length($site-url) + 1)"/>
    </xsl:when>
    <xsl:when test="$url = $site-url">./</xsl:when>
    <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!-- Text that was HTML-escaped once (RSS description), back to the text it was. -->
<xsl:template name="unescape">
  <xsl:param name="text"/>
  <xsl:choose>
    <xsl:when test="contains($text, '&amp;')">
      <xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
      <xsl:variable name="name" select="substring-before($rest, ';')"/>
      <xsl:value-of select="substring-before($text, '&amp;')"/>
      <xsl:choose>
        <xsl:when test="$name = 'lt'">&lt;</xsl:when>
        <xsl:when test="$name = 'gt'">&gt;</xsl:when>
        <xsl:when test="$name = 'amp'">&amp;</xsl:when>
        <xsl:when test="$name = 'quot'">"</xsl:when>
        <xsl:when test="$name = '#39' or $name = '#x27'">'</xsl:when>
        <xsl:otherwise>&amp;</xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="unescape">
        <xsl:with-param name="text" select="substring($rest, 1 + (string-length($name) + 1)
          * contains('|lt|gt|amp|quot|#39|#x27|', concat('|', $name, '|')))"/>
      </xsl:call-template>
    </xsl:when>
    <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
