/// The one stylesheet, served at /static/app.css. No framework: the pages work without JavaScript.
enum Stylesheet {
    static let css = """
    *{box-sizing:border-box}
    body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:14px;color:#1f2937;background:#f3f5f9}
    a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
    header.top{height:52px;background:#153e75;color:#fff;display:flex;align-items:center;padding:0 20px;gap:16px}
    header.top .brand{font-size:17px;font-weight:600;letter-spacing:1px}
    header.top .zone{opacity:.85;font-size:13px}
    header.top .spacer{flex:1}
    header.top .user{font-size:13px}
    header.top .role{background:#2f5f9e;border-radius:10px;padding:2px 10px;margin-left:6px;font-size:12px}
    header.top form{margin:0}
    header.top button{background:transparent;border:1px solid #8fb0dc;color:#fff;border-radius:4px;padding:4px 10px;cursor:pointer}
    .shell{display:flex;min-height:calc(100vh - 52px)}
    nav.side{width:200px;background:#fff;border-right:1px solid #e2e8f0;padding:12px 0}
    nav.side a{display:block;padding:10px 24px;color:#334155}
    nav.side a.active{background:#e8f0fb;color:#153e75;font-weight:600;border-right:3px solid #153e75}
    nav.side .group{padding:14px 24px 4px;color:#94a3b8;font-size:12px}
    main{flex:1;padding:20px 28px;max-width:1280px}
    h1{font-size:20px;margin:4px 0 16px}
    .crumbs{color:#64748b;font-size:12px;margin-bottom:6px}
    .card{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:16px 20px;margin-bottom:16px}
    .card h2{font-size:15px;margin:0 0 12px}
    .card table + h2{margin-top:22px}
    .card.job{max-width:720px}.card.job p[role=status]{font-size:15px;margin:4px 0 12px}
    .card.job progress{display:block;width:100%;height:14px;appearance:none;border:0;border-radius:7px;background:#e2e8f0;overflow:hidden}
    .card.job progress::-webkit-progress-bar{background:#e2e8f0;border-radius:7px}
    .card.job progress::-webkit-progress-value{background:#3b82f6;border-radius:7px}
    .card.job progress::-moz-progress-bar{background:#3b82f6;border-radius:7px}
    .card.job progress:indeterminate{background:linear-gradient(90deg,#e2e8f0 25%,#93c5fd 50%,#e2e8f0 75%);background-size:200% 100%;animation:job-wait 1.2s linear infinite}
    .card.job progress:indeterminate::-webkit-progress-bar{background:transparent}
    @keyframes job-wait{from{background-position:100% 0}to{background-position:-100% 0}}
    .stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px;margin-bottom:16px}
    .stat{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:14px 18px}
    .stat a.value{display:block}
    .stat .label{color:#64748b;font-size:12px}.stat .value{font-size:24px;font-weight:600;margin-top:4px}
    table.grid{width:100%;border-collapse:collapse;background:#fff}
    table.grid th{background:#f1f5f9;text-align:left;font-weight:600;color:#475569}
    table.grid th,table.grid td{padding:8px 10px;border-bottom:1px solid #e2e8f0;white-space:nowrap}
    table.grid td.num,table.grid th.num{text-align:right;font-variant-numeric:tabular-nums}
    table.grid tr:hover td{background:#f8fafc}
    [class^=indent-]{display:inline-block}.indent-1{width:20px}.indent-2{width:40px}.indent-3{width:60px}.indent-4{width:80px}.indent-5{width:100px}.indent-6{width:120px}
    .tag{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;background:#eef2f7;color:#475569}
    .tag.ok{background:#e7f6ec;color:#166534}.tag.warn{background:#fff4e5;color:#9a3412}.tag.bad{background:#fdecec;color:#b91c1c}
    form.inline{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-bottom:12px}
    input,select,button,textarea{font-family:inherit}
    input[type=text],input[type=password],input[type=search],select{border:1px solid #cbd5e1;border-radius:4px;padding:7px 10px;font-size:14px;min-width:180px;background:#fff}
    button,.btn{background:#1d4ed8;color:#fff;border:0;border-radius:4px;padding:8px 16px;font-size:14px;cursor:pointer;display:inline-block}
    .btn.secondary,button.secondary{background:#fff;color:#1d4ed8;border:1px solid #93b4f0}
    .field{display:grid;grid-template-columns:120px 320px 1fr;gap:10px;align-items:center;margin-bottom:12px}
    .field label{color:#475569;text-align:right}
    .field label .req{color:#dc2626;margin-right:2px}
    .field button{justify-self:start}
    .actions{display:flex;gap:10px;align-items:center;margin:4px 0 16px}
    .field .error{color:#b91c1c;font-size:13px}
    .field.invalid input,.field.invalid select{border-color:#dc2626;background:#fef2f2}
    .import-preview{overflow-x:auto;max-width:100%}
    .hint{color:#64748b;font-size:12px}
    .flash{padding:10px 14px;border-radius:4px;margin-bottom:14px}
    .flash.error{background:#fdecec;color:#991b1b;border:1px solid #f5c2c2}
    .flash.ok{background:#e7f6ec;color:#166534;border:1px solid #b7e2c4}
    .flash.warn{background:#fff4e5;color:#9a3412;border:1px solid #f5d0a9}
    dl.facts{display:grid;grid-template-columns:140px 1fr 140px 1fr;gap:10px 16px;margin:0}
    dl.facts dt{color:#64748b;text-align:right}dl.facts dd{margin:0}
    .pager{display:flex;gap:12px;align-items:center;margin-top:12px;color:#64748b}
    input[type=search]{min-width:260px}select{max-width:320px}
    .login-wrap{min-height:100vh;display:flex;align-items:center;justify-content:center;background:linear-gradient(135deg,#153e75,#2f6db5)}
    .login{background:#fff;width:400px;border-radius:8px;padding:32px 36px;box-shadow:0 10px 30px rgba(0,0,0,.25)}
    .login h1{text-align:center;margin-bottom:4px}.login .sub{text-align:center;color:#64748b;margin-bottom:22px}
    .login input{width:100%;margin-bottom:14px}.login button{width:100%;padding:10px}
    textarea.sheet{width:100%;font-family:"Noto Sans Mono CJK SC",monospace;font-size:13px;margin-top:10px;border:1px solid #cbd5e1;border-radius:4px;padding:8px}
    form.step{border-top:1px dashed #e2e8f0;padding-top:10px}
    .step-title{min-width:110px;color:#153e75}
    select[multiple]{min-width:220px}
    figure.chart{margin:0 0 16px}figure.chart figcaption{font-weight:600;margin-bottom:6px;color:#334155}
    figure.chart svg{max-width:100%;height:auto;font-size:12px}
    figure.chart .bar rect{fill:#3b82f6}figure.chart .bar.ok rect{fill:#16a34a}figure.chart .bar.warn rect{fill:#f59e0b}
    figure.chart .bar.bad rect{fill:#dc2626}figure.chart .label{fill:#334155}figure.chart .value{fill:#475569}
    figure.chart a:hover rect{opacity:.8}
    table.grid td.wrap{white-space:normal;min-width:180px}
    table.grid.wrapping th,table.grid.wrapping td{white-space:normal;vertical-align:top}table.grid.wrapping td.num{white-space:nowrap}
    button.link{background:none;border:0;color:#b91c1c;padding:0 4px;cursor:pointer;font-size:13px}
    .rules dt{font-weight:600;color:#475569}.rules dd{margin:0 0 8px}
    @media (max-width:720px){header.top{height:auto;min-height:52px;flex-wrap:wrap;gap:8px;padding:6px 12px}header.top .zone{display:none}.shell{flex-direction:column;min-height:0}nav.side{width:auto;display:flex;overflow-x:auto;white-space:nowrap;padding:0;border-right:0;border-bottom:1px solid #e2e8f0}nav.side a{padding:10px 14px;flex:none}nav.side a.active{border-right:0;border-bottom:3px solid #153e75}nav.side .group{display:none}main{padding:12px;min-width:0}.card{padding:12px;overflow-x:auto}.charts{grid-template-columns:1fr}.field{grid-template-columns:1fr;gap:4px}.field label{text-align:left}.field input,.field select,.field textarea{width:100%;box-sizing:border-box}}
    @media print{header.top,nav.side,.actions,form{display:none}main{padding:0;max-width:none}.card{border:0;padding:0;break-inside:avoid}body{background:#fff}}
    .ledger-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}.ledger-card h3{margin:0 0 4px}
    .ledger-card .stats{margin:10px 0 0;grid-template-columns:repeat(auto-fill,minmax(130px,1fr))}.ledger-card .stat .value{font-size:18px}
    .card.scroll{overflow-x:auto}td.nowrap,th.nowrap{white-space:nowrap}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:12px}
    figure.chart .series{fill:none;stroke-width:2.5}figure.chart .axis{stroke:#cbd5e1}figure.chart .dot{stroke:#fff;stroke-width:1.5}
    figure.chart .s0{stroke:#3b82f6;fill:#3b82f6}figure.chart .s1{stroke:#f59e0b;fill:#f59e0b}figure.chart .s2{stroke:#16a34a;fill:#16a34a}
    figure.chart .s3{stroke:#8b5cf6;fill:#8b5cf6}figure.chart .s4{stroke:#dc2626;fill:#dc2626}figure.chart .s5{stroke:#0891b2;fill:#0891b2}
    figure.chart path.series{fill:none}figure.chart .legend text{fill:#334155}
    .mono{font-family:"Noto Sans Mono CJK SC",ui-monospace,Menlo,monospace;font-size:13px;letter-spacing:.3px}
    """
}
