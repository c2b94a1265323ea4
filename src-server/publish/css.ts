/** The stylesheet of the published site, served from /static/site.css (no inline styles: strict CSP). */
export const SITE_CSS = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.55 Georgia,"Times New Roman",serif;color:#1d1d1d;background:#fff}
a{color:#0b4f8a}
header.site,footer.site{font-family:system-ui,sans-serif;padding:.75rem 1rem;border-bottom:1px solid #ddd}
footer.site{border-top:1px solid #ddd;border-bottom:0;margin-top:2rem;font-size:.85rem;color:#555}
header.site .brand{font-weight:700;text-decoration:none;color:#1d1d1d;margin-right:1rem}
header.site nav a{margin-right:.75rem;white-space:nowrap}
main{max-width:42rem;margin:0 auto;padding:1rem}
.kicker{font-family:system-ui,sans-serif;font-weight:700;color:#8a1c1c;margin:0}
h1{font-size:1.7rem;line-height:1.2;margin:.2rem 0 .6rem}
.meta{font-family:system-ui,sans-serif;font-size:.9rem;color:#555;margin:.2rem 0}
.teaser{font-weight:700}
figure{margin:1rem 0}
img{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:#444}
.credit{font-size:.85rem;color:#555}
.tags,.links,.tools{font-family:system-ui,sans-serif;font-size:.9rem}
.links{padding-left:1.2rem}
.tools a{margin-right:1rem}
.more{border-top:2px solid #1d1d1d;margin-top:2rem;padding-top:.5rem}
.more h2,.list h2{font-size:1.1rem;font-family:system-ui,sans-serif}
.teaser-list{list-style:none;padding:0}
.teaser-list li{border-bottom:1px solid #eee;padding:.6rem 0}
.teaser-list h3{font-size:1.15rem;margin:.1rem 0}
.pager a{margin-right:1rem}
@media (max-width:30rem){body{font-size:16px}h1{font-size:1.4rem}}
@media print{header.site,footer.site,.tools,.more,.pager{display:none}body{font-size:12pt}a{color:#000}}
body.print header.site nav,body.print .more,body.print footer.site{display:none}
`;
