// Draws a batch notice (the page's own text and QR image) onto a canvas and downloads it as a
// PNG that a teacher can post in a class group chat. The browser's fonts render the Chinese.
window.pcNotice = {
    downloadPng: async function (noticeId, fileName) {
        const notice = document.getElementById(noticeId);
        const text = (name) => (notice.querySelector(`[data-notice="${name}"]`)?.innerText || "").trim();
        const items = (name) => Array.from(notice.querySelectorAll(`[data-notice="${name}"] li`)).map(li => li.innerText.trim());
        const qr = notice.querySelector("img");
        if (!qr.complete) {
            await new Promise((resolve, reject) => { qr.onload = resolve; qr.onerror = reject; });
        }

        const width = 1080, margin = 72, font = '"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif';
        const canvas = document.createElement("canvas");
        const ctx = canvas.getContext("2d");
        const wrap = (line, size, maxWidth) => {
            ctx.font = `${size}px ${font}`;
            const lines = [];
            let current = "";
            for (const ch of line) {
                if (ctx.measureText(current + ch).width > maxWidth && current) { lines.push(current); current = ""; }
                current += ch;
            }
            if (current) lines.push(current);
            return lines;
        };

        // Lay out once to measure the height, then draw.
        const blocks = [];
        const add = (content, size, options = {}) => blocks.push({ content, size, ...options });
        add(text("title"), 56, { bold: true, color: "#0d47a1", center: true, gap: 16 });
        add(text("batch"), 36, { center: true, gap: 8 });
        add(text("school"), 32, { center: true, color: "#475569", gap: 40 });
        add("特征码", 30, { color: "#475569", gap: 8 });
        add(text("code"), 96, { bold: true, color: "#1565C0", mono: true, gap: 24, qr: true });
        add(`采集类型：${text("type")}`, 32, { gap: 8 });
        add(`截止时间：${text("deadline")}`, 32, { gap: 8 });
        add(`费用：${text("price")}`, 32, { gap: 40 });
        add("怎么做", 36, { bold: true, gap: 12 });
        items("steps").forEach((s, i) => add(`${i + 1}. ${s}`, 28, { gap: 8 }));
        add("", 8, { gap: 24 });
        add("照片要求", 36, { bold: true, gap: 12 });
        items("requirements").forEach(s => add(`• ${s}`, 28, { gap: 8 }));

        const qrSize = 300;
        let height = margin;
        const measured = blocks.map(b => {
            const maxWidth = width - 2 * margin - (b.qr || b.content === "特征码" ? qrSize + 24 : 0);
            const lines = b.content ? wrap(b.content, b.size, maxWidth) : [""];
            const h = lines.length * b.size * 1.4 + (b.gap || 0);
            height += h;
            return { ...b, lines, h };
        });
        height += margin;

        canvas.width = width;
        canvas.height = Math.ceil(height);
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, width, canvas.height);
        ctx.fillStyle = "#28BEFA";
        ctx.fillRect(0, 0, width, 16);

        let y = margin;
        let qrTop = null;
        for (const b of measured) {
            if (b.content === "特征码") qrTop = y;
            ctx.font = `${b.bold ? "bold " : ""}${b.size}px ${b.mono ? 'ui-monospace,"DejaVu Sans Mono",monospace' : font}`;
            ctx.fillStyle = b.color || "#1f2933";
            ctx.textBaseline = "top";
            for (const line of b.lines) {
                const x = b.center ? (width - ctx.measureText(line).width) / 2 : margin;
                ctx.fillText(line, x, y);
                y += b.size * 1.4;
            }
            y += b.gap || 0;
        }

        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(qr, width - margin - qrSize, qrTop ?? margin, qrSize, qrSize);

        const blob = await new Promise(resolve => canvas.toBlob(resolve, "image/png"));
        const url = URL.createObjectURL(blob);
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
};
