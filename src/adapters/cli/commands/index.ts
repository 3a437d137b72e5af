// Each command module registers itself with the program when imported.
import './render-command.js';
import './init-command.js';
import './diff-command.js';
import './explain-command.js';
import './contract-command.js';
import './import-command.js';
import './scorecard-command.js';
import './reconcile-command.js';
import './compare-command.js';
import './backtest-command.js';
