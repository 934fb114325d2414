// A progress bar on the terminal ("Sản phẩm [########------] 57 % 57.000/100.000, còn 1 phút"), one
// line per 10 % when the output is not a terminal (CI logs). Shared by the scripts that take minutes.

const number = (n) => n.toLocaleString('vi-VN');

/** `label` with `total` steps; `update(done)` redraws, `end()` closes the line. */
export function progressBar(label, total, stream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  const started = Date.now();
  let lastTenth = -1;
  let lastDraw = 0;
  let ended = false;
  const line = (done) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const width = 24;
    const filled = Math.round(ratio * width);
    const elapsed = (Date.now() - started) / 1000;
    const left = ratio > 0 && ratio < 1 ? Math.round((elapsed / ratio) * (1 - ratio)) : 0;
    const eta = left >= 60 ? `, còn ${Math.ceil(left / 60)} phút` : left > 0 ? `, còn ${left} giây` : '';
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(ratio * 100)} % ${number(done)}/${number(total)}${eta}`;
  };
  return {
    update(done) {
      if (ended) return;
      if (tty) {
        if (Date.now() - lastDraw < 100 && done < total) return;
        lastDraw = Date.now();
        stream.write(`\r${line(done)}\x1b[K`);
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done)}\n`);
      }
    },
    end() {
      if (ended) return;
      ended = true;
      if (tty) stream.write(`\r${line(total)}\x1b[K\n`);
    },
  };
}
