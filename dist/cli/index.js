#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 214:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.A = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 909:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { Argument } = __nccwpck_require__(154);
const { Command } = __nccwpck_require__(348);
const { CommanderError, InvalidArgumentError } = __nccwpck_require__(135);
const { Help } = __nccwpck_require__(754);
const { Option } = __nccwpck_require__(240);

exports.DM = new Command();

exports.gu = (name) => new Command(name);
exports.Ww = (flags, description) => new Option(flags, description);
exports.er = (name, description) => new Argument(name, description);

/**
 * Expose classes
 */

exports.uB = Command;
exports.c$ = Option;
exports.ef = Argument;
exports._V = Help;

exports.b7 = CommanderError;
exports.Di = InvalidArgumentError;
exports.a2 = InvalidArgumentError; // Deprecated


/***/ }),

/***/ 154:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(135);

class Argument {
  /**
   * Initialize a new command argument with the given name and description.
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @param {string} name
   * @param {string} [description]
   */

  constructor(name, description) {
    this.description = description || '';
    this.variadic = false;
    this.parseArg = undefined;
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.argChoices = undefined;

    switch (name[0]) {
      case '<': // e.g. <required>
        this.required = true;
        this._name = name.slice(1, -1);
        break;
      case '[': // e.g. [optional]
        this.required = false;
        this._name = name.slice(1, -1);
        break;
      default:
        this.required = true;
        this._name = name;
        break;
    }

    if (this._name.endsWith('...')) {
      this.variadic = true;
      this._name = this._name.slice(0, -3);
    }
  }

  /**
   * Return argument name.
   *
   * @return {string}
   */

  name() {
    return this._name;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Set the custom handler for processing CLI command arguments into argument values.
   *
   * @param {Function} [fn]
   * @return {Argument}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Only allow argument value to be one of choices.
   *
   * @param {string[]} values
   * @return {Argument}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Make argument required.
   *
   * @returns {Argument}
   */
  argRequired() {
    this.required = true;
    return this;
  }

  /**
   * Make argument optional.
   *
   * @returns {Argument}
   */
  argOptional() {
    this.required = false;
    return this;
  }
}

/**
 * Takes an argument and returns its human readable equivalent for help usage.
 *
 * @param {Argument} arg
 * @return {string}
 * @private
 */

function humanReadableArgName(arg) {
  const nameOutput = arg.name() + (arg.variadic === true ? '...' : '');

  return arg.required ? '<' + nameOutput + '>' : '[' + nameOutput + ']';
}

exports.Argument = Argument;
exports.humanReadableArgName = humanReadableArgName;


/***/ }),

/***/ 348:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const EventEmitter = (__nccwpck_require__(474).EventEmitter);
const childProcess = __nccwpck_require__(421);
const path = __nccwpck_require__(760);
const fs = __nccwpck_require__(24);
const process = __nccwpck_require__(708);

const { Argument, humanReadableArgName } = __nccwpck_require__(154);
const { CommanderError } = __nccwpck_require__(135);
const { Help, stripColor } = __nccwpck_require__(754);
const { Option, DualOptions } = __nccwpck_require__(240);
const { suggestSimilar } = __nccwpck_require__(30);

class Command extends EventEmitter {
  /**
   * Initialize a new `Command`.
   *
   * @param {string} [name]
   */

  constructor(name) {
    super();
    /** @type {Command[]} */
    this.commands = [];
    /** @type {Option[]} */
    this.options = [];
    this.parent = null;
    this._allowUnknownOption = false;
    this._allowExcessArguments = false;
    /** @type {Argument[]} */
    this.registeredArguments = [];
    this._args = this.registeredArguments; // deprecated old name
    /** @type {string[]} */
    this.args = []; // cli args with options removed
    this.rawArgs = [];
    this.processedArgs = []; // like .args but after custom processing and collecting variadic
    this._scriptPath = null;
    this._name = name || '';
    this._optionValues = {};
    this._optionValueSources = {}; // default, env, cli etc
    this._storeOptionsAsProperties = false;
    this._actionHandler = null;
    this._executableHandler = false;
    this._executableFile = null; // custom name for executable
    this._executableDir = null; // custom search directory for subcommands
    this._defaultCommandName = null;
    this._exitCallback = null;
    this._aliases = [];
    this._combineFlagAndOptionalValue = true;
    this._description = '';
    this._summary = '';
    this._argsDescription = undefined; // legacy
    this._enablePositionalOptions = false;
    this._passThroughOptions = false;
    this._lifeCycleHooks = {}; // a hash of arrays
    /** @type {(boolean | string)} */
    this._showHelpAfterError = false;
    this._showSuggestionAfterError = true;
    this._savedState = null; // used in save/restoreStateBeforeParse

    // see configureOutput() for docs
    this._outputConfiguration = {
      writeOut: (str) => process.stdout.write(str),
      writeErr: (str) => process.stderr.write(str),
      outputError: (str, write) => write(str),
      getOutHelpWidth: () =>
        process.stdout.isTTY ? process.stdout.columns : undefined,
      getErrHelpWidth: () =>
        process.stderr.isTTY ? process.stderr.columns : undefined,
      getOutHasColors: () =>
        useColor() ?? (process.stdout.isTTY && process.stdout.hasColors?.()),
      getErrHasColors: () =>
        useColor() ?? (process.stderr.isTTY && process.stderr.hasColors?.()),
      stripColor: (str) => stripColor(str),
    };

    this._hidden = false;
    /** @type {(Option | null | undefined)} */
    this._helpOption = undefined; // Lazy created on demand. May be null if help option is disabled.
    this._addImplicitHelpCommand = undefined; // undecided whether true or false yet, not inherited
    /** @type {Command} */
    this._helpCommand = undefined; // lazy initialised, inherited
    this._helpConfiguration = {};
    /** @type {string | undefined} */
    this._helpGroupHeading = undefined; // soft initialised when added to parent
    /** @type {string | undefined} */
    this._defaultCommandGroup = undefined;
    /** @type {string | undefined} */
    this._defaultOptionGroup = undefined;
  }

  /**
   * Copy settings that are useful to have in common across root command and subcommands.
   *
   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
   *
   * @param {Command} sourceCommand
   * @return {Command} `this` command for chaining
   */
  copyInheritedSettings(sourceCommand) {
    this._outputConfiguration = sourceCommand._outputConfiguration;
    this._helpOption = sourceCommand._helpOption;
    this._helpCommand = sourceCommand._helpCommand;
    this._helpConfiguration = sourceCommand._helpConfiguration;
    this._exitCallback = sourceCommand._exitCallback;
    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
    this._combineFlagAndOptionalValue =
      sourceCommand._combineFlagAndOptionalValue;
    this._allowExcessArguments = sourceCommand._allowExcessArguments;
    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
    this._showHelpAfterError = sourceCommand._showHelpAfterError;
    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;

    return this;
  }

  /**
   * @returns {Command[]}
   * @private
   */

  _getCommandAndAncestors() {
    const result = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    for (let command = this; command; command = command.parent) {
      result.push(command);
    }
    return result;
  }

  /**
   * Define a command.
   *
   * There are two styles of command: pay attention to where to put the description.
   *
   * @example
   * // Command implemented using action handler (description is supplied separately to `.command`)
   * program
   *   .command('clone <source> [destination]')
   *   .description('clone a repository into a newly created directory')
   *   .action((source, destination) => {
   *     console.log('clone command called');
   *   });
   *
   * // Command implemented using separate executable file (description is second parameter to `.command`)
   * program
   *   .command('start <service>', 'start named service')
   *   .command('stop [service]', 'stop named service, or all if no name supplied');
   *
   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
   * @param {object} [execOpts] - configuration options (for executable)
   * @return {Command} returns new command for action handler, or `this` for executable command
   */

  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
    let desc = actionOptsOrExecDesc;
    let opts = execOpts;
    if (typeof desc === 'object' && desc !== null) {
      opts = desc;
      desc = null;
    }
    opts = opts || {};
    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);

    const cmd = this.createCommand(name);
    if (desc) {
      cmd.description(desc);
      cmd._executableHandler = true;
    }
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    cmd._hidden = !!(opts.noHelp || opts.hidden); // noHelp is deprecated old name for hidden
    cmd._executableFile = opts.executableFile || null; // Custom name for executable file, set missing to null to match constructor
    if (args) cmd.arguments(args);
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd.copyInheritedSettings(this);

    if (desc) return this;
    return cmd;
  }

  /**
   * Factory routine to create a new unattached command.
   *
   * See .command() for creating an attached subcommand, which uses this routine to
   * create the command. You can override createCommand to customise subcommands.
   *
   * @param {string} [name]
   * @return {Command} new command
   */

  createCommand(name) {
    return new Command(name);
  }

  /**
   * You can customise the help with a subclass of Help by overriding createHelp,
   * or by overriding Help properties using configureHelp().
   *
   * @return {Help}
   */

  createHelp() {
    return Object.assign(new Help(), this.configureHelp());
  }

  /**
   * You can customise the help by overriding Help properties using configureHelp(),
   * or with a subclass of Help by overriding createHelp().
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureHelp(configuration) {
    if (configuration === undefined) return this._helpConfiguration;

    this._helpConfiguration = configuration;
    return this;
  }

  /**
   * The default output goes to stdout and stderr. You can customise this for special
   * applications. You can also customise the display of errors by overriding outputError.
   *
   * The configuration properties are all functions:
   *
   *     // change how output being written, defaults to stdout and stderr
   *     writeOut(str)
   *     writeErr(str)
   *     // change how output being written for errors, defaults to writeErr
   *     outputError(str, write) // used for displaying errors and not used for displaying help
   *     // specify width for wrapping help
   *     getOutHelpWidth()
   *     getErrHelpWidth()
   *     // color support, currently only used with Help
   *     getOutHasColors()
   *     getErrHasColors()
   *     stripColor() // used to remove ANSI escape codes if output does not have colors
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */

  configureOutput(configuration) {
    if (configuration === undefined) return this._outputConfiguration;

    this._outputConfiguration = {
      ...this._outputConfiguration,
      ...configuration,
    };
    return this;
  }

  /**
   * Display the help or a custom message after an error occurs.
   *
   * @param {(boolean|string)} [displayHelp]
   * @return {Command} `this` command for chaining
   */
  showHelpAfterError(displayHelp = true) {
    if (typeof displayHelp !== 'string') displayHelp = !!displayHelp;
    this._showHelpAfterError = displayHelp;
    return this;
  }

  /**
   * Display suggestion of similar commands for unknown commands, or options for unknown options.
   *
   * @param {boolean} [displaySuggestion]
   * @return {Command} `this` command for chaining
   */
  showSuggestionAfterError(displaySuggestion = true) {
    this._showSuggestionAfterError = !!displaySuggestion;
    return this;
  }

  /**
   * Add a prepared subcommand.
   *
   * See .command() for creating an attached subcommand which inherits settings from its parent.
   *
   * @param {Command} cmd - new subcommand
   * @param {object} [opts] - configuration options
   * @return {Command} `this` command for chaining
   */

  addCommand(cmd, opts) {
    if (!cmd._name) {
      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
    }

    opts = opts || {};
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    if (opts.noHelp || opts.hidden) cmd._hidden = true; // modifying passed command due to existing implementation

    this._registerCommand(cmd);
    cmd.parent = this;
    cmd._checkForBrokenPassThrough();

    return this;
  }

  /**
   * Factory routine to create a new unattached argument.
   *
   * See .argument() for creating an attached argument, which uses this routine to
   * create the argument. You can override createArgument to return a custom argument.
   *
   * @param {string} name
   * @param {string} [description]
   * @return {Argument} new argument
   */

  createArgument(name, description) {
    return new Argument(name, description);
  }

  /**
   * Define argument syntax for command.
   *
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @example
   * program.argument('<input-file>');
   * program.argument('[output-file]');
   *
   * @param {string} name
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  argument(name, description, parseArg, defaultValue) {
    const argument = this.createArgument(name, description);
    if (typeof parseArg === 'function') {
      argument.default(defaultValue).argParser(parseArg);
    } else {
      argument.default(parseArg);
    }
    this.addArgument(argument);
    return this;
  }

  /**
   * Define argument syntax for command, adding multiple at once (without descriptions).
   *
   * See also .argument().
   *
   * @example
   * program.arguments('<cmd> [env]');
   *
   * @param {string} names
   * @return {Command} `this` command for chaining
   */

  arguments(names) {
    names
      .trim()
      .split(/ +/)
      .forEach((detail) => {
        this.argument(detail);
      });
    return this;
  }

  /**
   * Define argument syntax for command, adding a prepared argument.
   *
   * @param {Argument} argument
   * @return {Command} `this` command for chaining
   */
  addArgument(argument) {
    const previousArgument = this.registeredArguments.slice(-1)[0];
    if (previousArgument?.variadic) {
      throw new Error(
        `only the last argument can be variadic '${previousArgument.name()}'`,
      );
    }
    if (
      argument.required &&
      argument.defaultValue !== undefined &&
      argument.parseArg === undefined
    ) {
      throw new Error(
        `a default value for a required argument is never used: '${argument.name()}'`,
      );
    }
    this.registeredArguments.push(argument);
    return this;
  }

  /**
   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
   *
   * @example
   *    program.helpCommand('help [cmd]');
   *    program.helpCommand('help [cmd]', 'show help');
   *    program.helpCommand(false); // suppress default help command
   *    program.helpCommand(true); // add help command even if no subcommands
   *
   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
   * @param {string} [description] - custom description
   * @return {Command} `this` command for chaining
   */

  helpCommand(enableOrNameAndArgs, description) {
    if (typeof enableOrNameAndArgs === 'boolean') {
      this._addImplicitHelpCommand = enableOrNameAndArgs;
      if (enableOrNameAndArgs && this._defaultCommandGroup) {
        // make the command to store the group
        this._initCommandGroup(this._getHelpCommand());
      }
      return this;
    }

    const nameAndArgs = enableOrNameAndArgs ?? 'help [command]';
    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const helpDescription = description ?? 'display help for command';

    const helpCommand = this.createCommand(helpName);
    helpCommand.helpOption(false);
    if (helpArgs) helpCommand.arguments(helpArgs);
    if (helpDescription) helpCommand.description(helpDescription);

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    // init group unless lazy create
    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);

    return this;
  }

  /**
   * Add prepared custom help command.
   *
   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
   * @return {Command} `this` command for chaining
   */
  addHelpCommand(helpCommand, deprecatedDescription) {
    // If not passed an object, call through to helpCommand for backwards compatibility,
    // as addHelpCommand was originally used like helpCommand is now.
    if (typeof helpCommand !== 'object') {
      this.helpCommand(helpCommand, deprecatedDescription);
      return this;
    }

    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    this._initCommandGroup(helpCommand);
    return this;
  }

  /**
   * Lazy create help command.
   *
   * @return {(Command|null)}
   * @package
   */
  _getHelpCommand() {
    const hasImplicitHelpCommand =
      this._addImplicitHelpCommand ??
      (this.commands.length &&
        !this._actionHandler &&
        !this._findCommand('help'));

    if (hasImplicitHelpCommand) {
      if (this._helpCommand === undefined) {
        this.helpCommand(undefined, undefined); // use default name and description
      }
      return this._helpCommand;
    }
    return null;
  }

  /**
   * Add hook for life cycle event.
   *
   * @param {string} event
   * @param {Function} listener
   * @return {Command} `this` command for chaining
   */

  hook(event, listener) {
    const allowedValues = ['preSubcommand', 'preAction', 'postAction'];
    if (!allowedValues.includes(event)) {
      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    if (this._lifeCycleHooks[event]) {
      this._lifeCycleHooks[event].push(listener);
    } else {
      this._lifeCycleHooks[event] = [listener];
    }
    return this;
  }

  /**
   * Register callback to use as replacement for calling process.exit.
   *
   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
   * @return {Command} `this` command for chaining
   */

  exitOverride(fn) {
    if (fn) {
      this._exitCallback = fn;
    } else {
      this._exitCallback = (err) => {
        if (err.code !== 'commander.executeSubCommandAsync') {
          throw err;
        } else {
          // Async callback from spawn events, not useful to throw.
        }
      };
    }
    return this;
  }

  /**
   * Call process.exit, and _exitCallback if defined.
   *
   * @param {number} exitCode exit code for using with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   * @return never
   * @private
   */

  _exit(exitCode, code, message) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message));
      // Expecting this line is not reached.
    }
    process.exit(exitCode);
  }

  /**
   * Register callback `fn` for the command.
   *
   * @example
   * program
   *   .command('serve')
   *   .description('start service')
   *   .action(function() {
   *      // do work here
   *   });
   *
   * @param {Function} fn
   * @return {Command} `this` command for chaining
   */

  action(fn) {
    const listener = (args) => {
      // The .action callback takes an extra parameter which is the command or options.
      const expectedArgsCount = this.registeredArguments.length;
      const actionArgs = args.slice(0, expectedArgsCount);
      if (this._storeOptionsAsProperties) {
        actionArgs[expectedArgsCount] = this; // backwards compatible "options"
      } else {
        actionArgs[expectedArgsCount] = this.opts();
      }
      actionArgs.push(this);

      return fn.apply(this, actionArgs);
    };
    this._actionHandler = listener;
    return this;
  }

  /**
   * Factory routine to create a new unattached option.
   *
   * See .option() for creating an attached option, which uses this routine to
   * create the option. You can override createOption to return a custom option.
   *
   * @param {string} flags
   * @param {string} [description]
   * @return {Option} new option
   */

  createOption(flags, description) {
    return new Option(flags, description);
  }

  /**
   * Wrap parseArgs to catch 'commander.invalidArgument'.
   *
   * @param {(Option | Argument)} target
   * @param {string} value
   * @param {*} previous
   * @param {string} invalidArgumentMessage
   * @private
   */

  _callParseArg(target, value, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value, previous);
    } catch (err) {
      if (err.code === 'commander.invalidArgument') {
        const message = `${invalidArgumentMessage} ${err.message}`;
        this.error(message, { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }

  /**
   * Check for option flag conflicts.
   * Register option if no conflicts found, or throw on conflict.
   *
   * @param {Option} option
   * @private
   */

  _registerOption(option) {
    const matchingOption =
      (option.short && this._findOption(option.short)) ||
      (option.long && this._findOption(option.long));
    if (matchingOption) {
      const matchingFlag =
        option.long && this._findOption(option.long)
          ? option.long
          : option.short;
      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
    }

    this._initOptionGroup(option);
    this.options.push(option);
  }

  /**
   * Check for command name and alias conflicts with existing commands.
   * Register command if no conflicts found, or throw on conflict.
   *
   * @param {Command} command
   * @private
   */

  _registerCommand(command) {
    const knownBy = (cmd) => {
      return [cmd.name()].concat(cmd.aliases());
    };

    const alreadyUsed = knownBy(command).find((name) =>
      this._findCommand(name),
    );
    if (alreadyUsed) {
      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join('|');
      const newCmd = knownBy(command).join('|');
      throw new Error(
        `cannot add command '${newCmd}' as already have command '${existingCmd}'`,
      );
    }

    this._initCommandGroup(command);
    this.commands.push(command);
  }

  /**
   * Add an option.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addOption(option) {
    this._registerOption(option);

    const oname = option.name();
    const name = option.attributeName();

    // store default value
    if (option.negate) {
      // --no-foo is special and defaults foo to true, unless a --foo option is already defined
      const positiveLongFlag = option.long.replace(/^--no-/, '--');
      if (!this._findOption(positiveLongFlag)) {
        this.setOptionValueWithSource(
          name,
          option.defaultValue === undefined ? true : option.defaultValue,
          'default',
        );
      }
    } else if (option.defaultValue !== undefined) {
      this.setOptionValueWithSource(name, option.defaultValue, 'default');
    }

    // handler for cli and env supplied values
    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
      // val is null for optional option used without an optional-argument.
      // val is undefined for boolean and negated option.
      if (val == null && option.presetArg !== undefined) {
        val = option.presetArg;
      }

      // custom processing
      const oldValue = this.getOptionValue(name);
      if (val !== null && option.parseArg) {
        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
      } else if (val !== null && option.variadic) {
        val = option._collectValue(val, oldValue);
      }

      // Fill-in appropriate missing values. Long winded but easy to follow.
      if (val == null) {
        if (option.negate) {
          val = false;
        } else if (option.isBoolean() || option.optional) {
          val = true;
        } else {
          val = ''; // not normal, parseArg might have failed or be a mock function for testing
        }
      }
      this.setOptionValueWithSource(name, val, valueSource);
    };

    this.on('option:' + oname, (val) => {
      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
      handleOptionValue(val, invalidValueMessage, 'cli');
    });

    if (option.envVar) {
      this.on('optionEnv:' + oname, (val) => {
        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
        handleOptionValue(val, invalidValueMessage, 'env');
      });
    }

    return this;
  }

  /**
   * Internal implementation shared by .option() and .requiredOption()
   *
   * @return {Command} `this` command for chaining
   * @private
   */
  _optionEx(config, flags, description, fn, defaultValue) {
    if (typeof flags === 'object' && flags instanceof Option) {
      throw new Error(
        'To add an Option object use addOption() instead of option() or requiredOption()',
      );
    }
    const option = this.createOption(flags, description);
    option.makeOptionMandatory(!!config.mandatory);
    if (typeof fn === 'function') {
      option.default(defaultValue).argParser(fn);
    } else if (fn instanceof RegExp) {
      // deprecated
      const regex = fn;
      fn = (val, def) => {
        const m = regex.exec(val);
        return m ? m[0] : def;
      };
      option.default(defaultValue).argParser(fn);
    } else {
      option.default(fn);
    }

    return this.addOption(option);
  }

  /**
   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
   *
   * See the README for more details, and see also addOption() and requiredOption().
   *
   * @example
   * program
   *     .option('-p, --pepper', 'add pepper')
   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  option(flags, description, parseArg, defaultValue) {
    return this._optionEx({}, flags, description, parseArg, defaultValue);
  }

  /**
   * Add a required option which must have a value after parsing. This usually means
   * the option must be specified on the command line. (Otherwise the same as .option().)
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */

  requiredOption(flags, description, parseArg, defaultValue) {
    return this._optionEx(
      { mandatory: true },
      flags,
      description,
      parseArg,
      defaultValue,
    );
  }

  /**
   * Alter parsing of short flags with optional values.
   *
   * @example
   * // for `.option('-f,--flag [value]'):
   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
   *
   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
   * @return {Command} `this` command for chaining
   */
  combineFlagAndOptionalValue(combine = true) {
    this._combineFlagAndOptionalValue = !!combine;
    return this;
  }

  /**
   * Allow unknown options on the command line.
   *
   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
   * @return {Command} `this` command for chaining
   */
  allowUnknownOption(allowUnknown = true) {
    this._allowUnknownOption = !!allowUnknown;
    return this;
  }

  /**
   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
   *
   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
   * @return {Command} `this` command for chaining
   */
  allowExcessArguments(allowExcess = true) {
    this._allowExcessArguments = !!allowExcess;
    return this;
  }

  /**
   * Enable positional options. Positional means global options are specified before subcommands which lets
   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
   * The default behaviour is non-positional and global options may appear anywhere on the command line.
   *
   * @param {boolean} [positional]
   * @return {Command} `this` command for chaining
   */
  enablePositionalOptions(positional = true) {
    this._enablePositionalOptions = !!positional;
    return this;
  }

  /**
   * Pass through options that come after command-arguments rather than treat them as command-options,
   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
   * positional options to have been enabled on the program (parent commands).
   * The default behaviour is non-positional and options may appear before or after command-arguments.
   *
   * @param {boolean} [passThrough] for unknown options.
   * @return {Command} `this` command for chaining
   */
  passThroughOptions(passThrough = true) {
    this._passThroughOptions = !!passThrough;
    this._checkForBrokenPassThrough();
    return this;
  }

  /**
   * @private
   */

  _checkForBrokenPassThrough() {
    if (
      this.parent &&
      this._passThroughOptions &&
      !this.parent._enablePositionalOptions
    ) {
      throw new Error(
        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`,
      );
    }
  }

  /**
   * Whether to store option values as properties on command object,
   * or store separately (specify false). In both cases the option values can be accessed using .opts().
   *
   * @param {boolean} [storeAsProperties=true]
   * @return {Command} `this` command for chaining
   */

  storeOptionsAsProperties(storeAsProperties = true) {
    if (this.options.length) {
      throw new Error('call .storeOptionsAsProperties() before adding options');
    }
    if (Object.keys(this._optionValues).length) {
      throw new Error(
        'call .storeOptionsAsProperties() before setting option values',
      );
    }
    this._storeOptionsAsProperties = !!storeAsProperties;
    return this;
  }

  /**
   * Retrieve option value.
   *
   * @param {string} key
   * @return {object} value
   */

  getOptionValue(key) {
    if (this._storeOptionsAsProperties) {
      return this[key];
    }
    return this._optionValues[key];
  }

  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */

  setOptionValue(key, value) {
    return this.setOptionValueWithSource(key, value, undefined);
  }

  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */

  setOptionValueWithSource(key, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value;
    } else {
      this._optionValues[key] = value;
    }
    this._optionValueSources[key] = source;
    return this;
  }

  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSource(key) {
    return this._optionValueSources[key];
  }

  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */

  getOptionValueSourceWithGlobals(key) {
    // global overwrites local, like optsWithGlobals
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (cmd.getOptionValueSource(key) !== undefined) {
        source = cmd.getOptionValueSource(key);
      }
    });
    return source;
  }

  /**
   * Get user arguments from implied or explicit arguments.
   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
   *
   * @private
   */

  _prepareUserArgs(argv, parseOptions) {
    if (argv !== undefined && !Array.isArray(argv)) {
      throw new Error('first parameter to parse must be array or undefined');
    }
    parseOptions = parseOptions || {};

    // auto-detect argument conventions if nothing supplied
    if (argv === undefined && parseOptions.from === undefined) {
      if (process.versions?.electron) {
        parseOptions.from = 'electron';
      }
      // check node specific options for scenarios where user CLI args follow executable without scriptname
      const execArgv = process.execArgv ?? [];
      if (
        execArgv.includes('-e') ||
        execArgv.includes('--eval') ||
        execArgv.includes('-p') ||
        execArgv.includes('--print')
      ) {
        parseOptions.from = 'eval'; // internal usage, not documented
      }
    }

    // default to using process.argv
    if (argv === undefined) {
      argv = process.argv;
    }
    this.rawArgs = argv.slice();

    // extract the user args and scriptPath
    let userArgs;
    switch (parseOptions.from) {
      case undefined:
      case 'node':
        this._scriptPath = argv[1];
        userArgs = argv.slice(2);
        break;
      case 'electron':
        // @ts-ignore: because defaultApp is an unknown property
        if (process.defaultApp) {
          this._scriptPath = argv[1];
          userArgs = argv.slice(2);
        } else {
          userArgs = argv.slice(1);
        }
        break;
      case 'user':
        userArgs = argv.slice(0);
        break;
      case 'eval':
        userArgs = argv.slice(1);
        break;
      default:
        throw new Error(
          `unexpected parse option { from: '${parseOptions.from}' }`,
        );
    }

    // Find default name for program from arguments.
    if (!this._name && this._scriptPath)
      this.nameFromFilename(this._scriptPath);
    this._name = this._name || 'program';

    return userArgs;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Use parseAsync instead of parse if any of your action handlers are async.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * program.parse(); // parse process.argv and auto-detect electron and special node flags
   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv] - optional, defaults to process.argv
   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
   * @return {Command} `this` command for chaining
   */

  parse(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    this._parseCommand([], userArgs);

    return this;
  }

  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv]
   * @param {object} [parseOptions]
   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
   * @return {Promise}
   */

  async parseAsync(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    await this._parseCommand([], userArgs);

    return this;
  }

  _prepareForParse() {
    if (this._savedState === null) {
      this.saveStateBeforeParse();
    } else {
      this.restoreStateBeforeParse();
    }
  }

  /**
   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
   */
  saveStateBeforeParse() {
    this._savedState = {
      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
      _name: this._name,
      // option values before parse have default values (including false for negated options)
      // shallow clones
      _optionValues: { ...this._optionValues },
      _optionValueSources: { ...this._optionValueSources },
    };
  }

  /**
   * Restore state before parse for calls after the first.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
   */
  restoreStateBeforeParse() {
    if (this._storeOptionsAsProperties)
      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);

    // clear state from _prepareUserArgs
    this._name = this._savedState._name;
    this._scriptPath = null;
    this.rawArgs = [];
    // clear state from setOptionValueWithSource
    this._optionValues = { ...this._savedState._optionValues };
    this._optionValueSources = { ...this._savedState._optionValueSources };
    // clear state from _parseCommand
    this.args = [];
    // clear state from _processArguments
    this.processedArgs = [];
  }

  /**
   * Throw if expected executable is missing. Add lots of help for author.
   *
   * @param {string} executableFile
   * @param {string} executableDir
   * @param {string} subcommandName
   */
  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
    if (fs.existsSync(executableFile)) return;

    const executableDirMessage = executableDir
      ? `searched for local subcommand relative to directory '${executableDir}'`
      : 'no directory for search for local subcommand, use .executableDir() to supply a custom directory';
    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
    throw new Error(executableMissing);
  }

  /**
   * Execute a sub-command executable.
   *
   * @private
   */

  _executeSubCommand(subcommand, args) {
    args = args.slice();
    let launchWithNode = false; // Use node for source targets so do not need to get permissions correct, and on Windows.
    const sourceExt = ['.js', '.ts', '.tsx', '.mjs', '.cjs'];

    function findFile(baseDir, baseName) {
      // Look for specified file
      const localBin = path.resolve(baseDir, baseName);
      if (fs.existsSync(localBin)) return localBin;

      // Stop looking if candidate already has an expected extension.
      if (sourceExt.includes(path.extname(baseName))) return undefined;

      // Try all the extensions.
      const foundExt = sourceExt.find((ext) =>
        fs.existsSync(`${localBin}${ext}`),
      );
      if (foundExt) return `${localBin}${foundExt}`;

      return undefined;
    }

    // Not checking for help first. Unlikely to have mandatory and executable, and can't robustly test for help flags in external command.
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // executableFile and executableDir might be full path, or just a name
    let executableFile =
      subcommand._executableFile || `${this._name}-${subcommand._name}`;
    let executableDir = this._executableDir || '';
    if (this._scriptPath) {
      let resolvedScriptPath; // resolve possible symlink for installed npm binary
      try {
        resolvedScriptPath = fs.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = path.resolve(
        path.dirname(resolvedScriptPath),
        executableDir,
      );
    }

    // Look for a local file in preference to a command in PATH.
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);

      // Legacy search using prefix of script name instead of command name
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = path.basename(
          this._scriptPath,
          path.extname(this._scriptPath),
        );
        if (legacyName !== this._name) {
          localFile = findFile(
            executableDir,
            `${legacyName}-${subcommand._name}`,
          );
        }
      }
      executableFile = localFile || executableFile;
    }

    launchWithNode = sourceExt.includes(path.extname(executableFile));

    let proc;
    if (process.platform !== 'win32') {
      if (launchWithNode) {
        args.unshift(executableFile);
        // add executable arguments to spawn
        args = incrementNodeInspectorPort(process.execArgv).concat(args);

        proc = childProcess.spawn(process.argv[0], args, { stdio: 'inherit' });
      } else {
        proc = childProcess.spawn(executableFile, args, { stdio: 'inherit' });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name,
      );
      args.unshift(executableFile);
      // add executable arguments to spawn
      args = incrementNodeInspectorPort(process.execArgv).concat(args);
      proc = childProcess.spawn(process.execPath, args, { stdio: 'inherit' });
    }

    if (!proc.killed) {
      // testing mainly to avoid leak warnings during unit tests with mocked spawn
      const signals = ['SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGINT', 'SIGHUP'];
      signals.forEach((signal) => {
        process.on(signal, () => {
          if (proc.killed === false && proc.exitCode === null) {
            // @ts-ignore because signals not typed to known strings
            proc.kill(signal);
          }
        });
      });
    }

    // By default terminate process when spawned process terminates.
    const exitCallback = this._exitCallback;
    proc.on('close', (code) => {
      code = code ?? 1; // code is null if spawned process terminated due to a signal
      if (!exitCallback) {
        process.exit(code);
      } else {
        exitCallback(
          new CommanderError(
            code,
            'commander.executeSubCommandAsync',
            '(close)',
          ),
        );
      }
    });
    proc.on('error', (err) => {
      // @ts-ignore: because err.code is an unknown property
      if (err.code === 'ENOENT') {
        this._checkForMissingExecutable(
          executableFile,
          executableDir,
          subcommand._name,
        );
        // @ts-ignore: because err.code is an unknown property
      } else if (err.code === 'EACCES') {
        throw new Error(`'${executableFile}' not executable`);
      }
      if (!exitCallback) {
        process.exit(1);
      } else {
        const wrappedError = new CommanderError(
          1,
          'commander.executeSubCommandAsync',
          '(error)',
        );
        wrappedError.nestedError = err;
        exitCallback(wrappedError);
      }
    });

    // Store the reference to the child process
    this.runningCommand = proc;
  }

  /**
   * @private
   */

  _dispatchSubcommand(commandName, operands, unknown) {
    const subCommand = this._findCommand(commandName);
    if (!subCommand) this.help({ error: true });

    subCommand._prepareForParse();
    let promiseChain;
    promiseChain = this._chainOrCallSubCommandHook(
      promiseChain,
      subCommand,
      'preSubcommand',
    );
    promiseChain = this._chainOrCall(promiseChain, () => {
      if (subCommand._executableHandler) {
        this._executeSubCommand(subCommand, operands.concat(unknown));
      } else {
        return subCommand._parseCommand(operands, unknown);
      }
    });
    return promiseChain;
  }

  /**
   * Invoke help directly if possible, or dispatch if necessary.
   * e.g. help foo
   *
   * @private
   */

  _dispatchHelpCommand(subcommandName) {
    if (!subcommandName) {
      this.help();
    }
    const subCommand = this._findCommand(subcommandName);
    if (subCommand && !subCommand._executableHandler) {
      subCommand.help();
    }

    // Fallback to parsing the help flag to invoke the help.
    return this._dispatchSubcommand(
      subcommandName,
      [],
      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? '--help'],
    );
  }

  /**
   * Check this.args against expected this.registeredArguments.
   *
   * @private
   */

  _checkNumberOfArguments() {
    // too few
    this.registeredArguments.forEach((arg, i) => {
      if (arg.required && this.args[i] == null) {
        this.missingArgument(arg.name());
      }
    });
    // too many
    if (
      this.registeredArguments.length > 0 &&
      this.registeredArguments[this.registeredArguments.length - 1].variadic
    ) {
      return;
    }
    if (this.args.length > this.registeredArguments.length) {
      this._excessArguments(this.args);
    }
  }

  /**
   * Process this.args using this.registeredArguments and save as this.processedArgs!
   *
   * @private
   */

  _processArguments() {
    const myParseArg = (argument, value, previous) => {
      // Extra processing for nice error message on parsing failure.
      let parsedValue = value;
      if (value !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value,
          previous,
          invalidValueMessage,
        );
      }
      return parsedValue;
    };

    this._checkNumberOfArguments();

    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        // Collect together remaining arguments for passing together as an array.
        if (index < this.args.length) {
          value = this.args.slice(index);
          if (declaredArg.parseArg) {
            value = value.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value === undefined) {
          value = [];
        }
      } else if (index < this.args.length) {
        value = this.args[index];
        if (declaredArg.parseArg) {
          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value;
    });
    this.processedArgs = processedArgs;
  }

  /**
   * Once we have a promise we chain, but call synchronously until then.
   *
   * @param {(Promise|undefined)} promise
   * @param {Function} fn
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCall(promise, fn) {
    // thenable
    if (promise?.then && typeof promise.then === 'function') {
      // already have a promise, chain callback
      return promise.then(() => fn());
    }
    // callback might return a promise
    return fn();
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallHooks(promise, event) {
    let result = promise;
    const hooks = [];
    this._getCommandAndAncestors()
      .reverse()
      .filter((cmd) => cmd._lifeCycleHooks[event] !== undefined)
      .forEach((hookedCommand) => {
        hookedCommand._lifeCycleHooks[event].forEach((callback) => {
          hooks.push({ hookedCommand, callback });
        });
      });
    if (event === 'postAction') {
      hooks.reverse();
    }

    hooks.forEach((hookDetail) => {
      result = this._chainOrCall(result, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result;
  }

  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {Command} subCommand
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */

  _chainOrCallSubCommandHook(promise, subCommand, event) {
    let result = promise;
    if (this._lifeCycleHooks[event] !== undefined) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result = this._chainOrCall(result, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result;
  }

  /**
   * Process arguments in context of this command.
   * Returns action result, in case it is a promise.
   *
   * @private
   */

  _parseCommand(operands, unknown) {
    const parsed = this.parseOptions(unknown);
    this._parseOptionsEnv(); // after cli, so parseArg not called on both cli and env
    this._parseOptionsImplied();
    operands = operands.concat(parsed.operands);
    unknown = parsed.unknown;
    this.args = operands.concat(unknown);

    if (operands && this._findCommand(operands[0])) {
      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
    }
    if (
      this._getHelpCommand() &&
      operands[0] === this._getHelpCommand().name()
    ) {
      return this._dispatchHelpCommand(operands[1]);
    }
    if (this._defaultCommandName) {
      this._outputHelpIfRequested(unknown); // Run the help for default command from parent rather than passing to default command
      return this._dispatchSubcommand(
        this._defaultCommandName,
        operands,
        unknown,
      );
    }
    if (
      this.commands.length &&
      this.args.length === 0 &&
      !this._actionHandler &&
      !this._defaultCommandName
    ) {
      // probably missing subcommand and no handler, user needs help (and exit)
      this.help({ error: true });
    }

    this._outputHelpIfRequested(parsed.unknown);
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();

    // We do not always call this check to avoid masking a "better" error, like unknown command.
    const checkForUnknownOptions = () => {
      if (parsed.unknown.length > 0) {
        this.unknownOption(parsed.unknown[0]);
      }
    };

    const commandEvent = `command:${this.name()}`;
    if (this._actionHandler) {
      checkForUnknownOptions();
      this._processArguments();

      let promiseChain;
      promiseChain = this._chainOrCallHooks(promiseChain, 'preAction');
      promiseChain = this._chainOrCall(promiseChain, () =>
        this._actionHandler(this.processedArgs),
      );
      if (this.parent) {
        promiseChain = this._chainOrCall(promiseChain, () => {
          this.parent.emit(commandEvent, operands, unknown); // legacy
        });
      }
      promiseChain = this._chainOrCallHooks(promiseChain, 'postAction');
      return promiseChain;
    }
    if (this.parent?.listenerCount(commandEvent)) {
      checkForUnknownOptions();
      this._processArguments();
      this.parent.emit(commandEvent, operands, unknown); // legacy
    } else if (operands.length) {
      if (this._findCommand('*')) {
        // legacy default command
        return this._dispatchSubcommand('*', operands, unknown);
      }
      if (this.listenerCount('command:*')) {
        // skip option check, emit event for possible misspelling suggestion
        this.emit('command:*', operands, unknown);
      } else if (this.commands.length) {
        this.unknownCommand();
      } else {
        checkForUnknownOptions();
        this._processArguments();
      }
    } else if (this.commands.length) {
      checkForUnknownOptions();
      // This command has subcommands and nothing hooked up at this level, so display help (and exit).
      this.help({ error: true });
    } else {
      checkForUnknownOptions();
      this._processArguments();
      // fall through for caller to handle after calling .parse()
    }
  }

  /**
   * Find matching command.
   *
   * @private
   * @return {Command | undefined}
   */
  _findCommand(name) {
    if (!name) return undefined;
    return this.commands.find(
      (cmd) => cmd._name === name || cmd._aliases.includes(name),
    );
  }

  /**
   * Return an option matching `arg` if any.
   *
   * @param {string} arg
   * @return {Option}
   * @package
   */

  _findOption(arg) {
    return this.options.find((option) => option.is(arg));
  }

  /**
   * Display an error message if a mandatory option does not have a value.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */

  _checkForMissingMandatoryOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd.options.forEach((anOption) => {
        if (
          anOption.mandatory &&
          cmd.getOptionValue(anOption.attributeName()) === undefined
        ) {
          cmd.missingMandatoryOptionValue(anOption);
        }
      });
    });
  }

  /**
   * Display an error message if conflicting options are used together in this.
   *
   * @private
   */
  _checkForConflictingLocalOptions() {
    const definedNonDefaultOptions = this.options.filter((option) => {
      const optionKey = option.attributeName();
      if (this.getOptionValue(optionKey) === undefined) {
        return false;
      }
      return this.getOptionValueSource(optionKey) !== 'default';
    });

    const optionsWithConflicting = definedNonDefaultOptions.filter(
      (option) => option.conflictsWith.length > 0,
    );

    optionsWithConflicting.forEach((option) => {
      const conflictingAndDefined = definedNonDefaultOptions.find((defined) =>
        option.conflictsWith.includes(defined.attributeName()),
      );
      if (conflictingAndDefined) {
        this._conflictingOption(option, conflictingAndDefined);
      }
    });
  }

  /**
   * Display an error message if conflicting options are used together.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForConflictingOptions() {
    // Walk up hierarchy so can call in subcommand after checking for displaying help.
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd._checkForConflictingLocalOptions();
    });
  }

  /**
   * Parse options from `argv` removing known options,
   * and return argv split into operands and unknown arguments.
   *
   * Side effects: modifies command by storing options. Does not reset state if called again.
   *
   * Examples:
   *
   *     argv => operands, unknown
   *     --known kkk op => [op], []
   *     op --known kkk => [op], []
   *     sub --unknown uuu op => [sub], [--unknown uuu op]
   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
   *
   * @param {string[]} args
   * @return {{operands: string[], unknown: string[]}}
   */

  parseOptions(args) {
    const operands = []; // operands, not options or values
    const unknown = []; // first unknown option and remaining unknown args
    let dest = operands;

    function maybeOption(arg) {
      return arg.length > 1 && arg[0] === '-';
    }

    const negativeNumberArg = (arg) => {
      // return false if not a negative number
      if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
      // negative number is ok unless digit used as an option in command hierarchy
      return !this._getCommandAndAncestors().some((cmd) =>
        cmd.options
          .map((opt) => opt.short)
          .some((short) => /^-\d$/.test(short)),
      );
    };

    // parse options
    let activeVariadicOption = null;
    let activeGroup = null; // working through group of short options, like -abc
    let i = 0;
    while (i < args.length || activeGroup) {
      const arg = activeGroup ?? args[i++];
      activeGroup = null;

      // literal
      if (arg === '--') {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }

      if (
        activeVariadicOption &&
        (!maybeOption(arg) || negativeNumberArg(arg))
      ) {
        this.emit(`option:${activeVariadicOption.name()}`, arg);
        continue;
      }
      activeVariadicOption = null;

      if (maybeOption(arg)) {
        const option = this._findOption(arg);
        // recognised option, call listener to assign value with possible custom processing
        if (option) {
          if (option.required) {
            const value = args[i++];
            if (value === undefined) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value);
          } else if (option.optional) {
            let value = null;
            // historical behaviour is optional value is following arg unless an option
            if (
              i < args.length &&
              (!maybeOption(args[i]) || negativeNumberArg(args[i]))
            ) {
              value = args[i++];
            }
            this.emit(`option:${option.name()}`, value);
          } else {
            // boolean flag
            this.emit(`option:${option.name()}`);
          }
          activeVariadicOption = option.variadic ? option : null;
          continue;
        }
      }

      // Look for combo options following single dash, eat first one if known.
      if (arg.length > 2 && arg[0] === '-' && arg[1] !== '-') {
        const option = this._findOption(`-${arg[1]}`);
        if (option) {
          if (
            option.required ||
            (option.optional && this._combineFlagAndOptionalValue)
          ) {
            // option with value following in same argument
            this.emit(`option:${option.name()}`, arg.slice(2));
          } else {
            // boolean option
            this.emit(`option:${option.name()}`);
            // remove the processed option and keep processing group
            activeGroup = `-${arg.slice(2)}`;
          }
          continue;
        }
      }

      // Look for known long flag with value, like --foo=bar
      if (/^--[^=]+=/.test(arg)) {
        const index = arg.indexOf('=');
        const option = this._findOption(arg.slice(0, index));
        if (option && (option.required || option.optional)) {
          this.emit(`option:${option.name()}`, arg.slice(index + 1));
          continue;
        }
      }

      // Not a recognised option by this command.
      // Might be a command-argument, or subcommand option, or unknown option, or help command or option.

      // An unknown option means further arguments also classified as unknown so can be reprocessed by subcommands.
      // A negative number in a leaf command is not an unknown option.
      if (
        dest === operands &&
        maybeOption(arg) &&
        !(this.commands.length === 0 && negativeNumberArg(arg))
      ) {
        dest = unknown;
      }

      // If using positionalOptions, stop processing our options at subcommand.
      if (
        (this._enablePositionalOptions || this._passThroughOptions) &&
        operands.length === 0 &&
        unknown.length === 0
      ) {
        if (this._findCommand(arg)) {
          operands.push(arg);
          unknown.push(...args.slice(i));
          break;
        } else if (
          this._getHelpCommand() &&
          arg === this._getHelpCommand().name()
        ) {
          operands.push(arg, ...args.slice(i));
          break;
        } else if (this._defaultCommandName) {
          unknown.push(arg, ...args.slice(i));
          break;
        }
      }

      // If using passThroughOptions, stop processing options at first command-argument.
      if (this._passThroughOptions) {
        dest.push(arg, ...args.slice(i));
        break;
      }

      // add arg
      dest.push(arg);
    }

    return { operands, unknown };
  }

  /**
   * Return an object containing local option values as key-value pairs.
   *
   * @return {object}
   */
  opts() {
    if (this._storeOptionsAsProperties) {
      // Preserve original behaviour so backwards compatible when still using properties
      const result = {};
      const len = this.options.length;

      for (let i = 0; i < len; i++) {
        const key = this.options[i].attributeName();
        result[key] =
          key === this._versionOptionName ? this._version : this[key];
      }
      return result;
    }

    return this._optionValues;
  }

  /**
   * Return an object containing merged local and global option values as key-value pairs.
   *
   * @return {object}
   */
  optsWithGlobals() {
    // globals overwrite locals
    return this._getCommandAndAncestors().reduce(
      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
      {},
    );
  }

  /**
   * Display error message and exit (or call exitOverride).
   *
   * @param {string} message
   * @param {object} [errorOptions]
   * @param {string} [errorOptions.code] - an id string representing the error
   * @param {number} [errorOptions.exitCode] - used with process.exit
   */
  error(message, errorOptions) {
    // output handling
    this._outputConfiguration.outputError(
      `${message}\n`,
      this._outputConfiguration.writeErr,
    );
    if (typeof this._showHelpAfterError === 'string') {
      this._outputConfiguration.writeErr(`${this._showHelpAfterError}\n`);
    } else if (this._showHelpAfterError) {
      this._outputConfiguration.writeErr('\n');
      this.outputHelp({ error: true });
    }

    // exit handling
    const config = errorOptions || {};
    const exitCode = config.exitCode || 1;
    const code = config.code || 'commander.error';
    this._exit(exitCode, code, message);
  }

  /**
   * Apply any option related environment variables, if option does
   * not have a value from cli or client code.
   *
   * @private
   */
  _parseOptionsEnv() {
    this.options.forEach((option) => {
      if (option.envVar && option.envVar in process.env) {
        const optionKey = option.attributeName();
        // Priority check. Do not overwrite cli or options from unknown source (client-code).
        if (
          this.getOptionValue(optionKey) === undefined ||
          ['default', 'config', 'env'].includes(
            this.getOptionValueSource(optionKey),
          )
        ) {
          if (option.required || option.optional) {
            // option can take a value
            // keep very simple, optional always takes value
            this.emit(`optionEnv:${option.name()}`, process.env[option.envVar]);
          } else {
            // boolean
            // keep very simple, only care that envVar defined and not the value
            this.emit(`optionEnv:${option.name()}`);
          }
        }
      }
    });
  }

  /**
   * Apply any implied option values, if option is undefined or default value.
   *
   * @private
   */
  _parseOptionsImplied() {
    const dualHelper = new DualOptions(this.options);
    const hasCustomOptionValue = (optionKey) => {
      return (
        this.getOptionValue(optionKey) !== undefined &&
        !['default', 'implied'].includes(this.getOptionValueSource(optionKey))
      );
    };
    this.options
      .filter(
        (option) =>
          option.implied !== undefined &&
          hasCustomOptionValue(option.attributeName()) &&
          dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option,
          ),
      )
      .forEach((option) => {
        Object.keys(option.implied)
          .filter((impliedKey) => !hasCustomOptionValue(impliedKey))
          .forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              'implied',
            );
          });
      });
  }

  /**
   * Argument `name` is missing.
   *
   * @param {string} name
   * @private
   */

  missingArgument(name) {
    const message = `error: missing required argument '${name}'`;
    this.error(message, { code: 'commander.missingArgument' });
  }

  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */

  optionMissingArgument(option) {
    const message = `error: option '${option.flags}' argument missing`;
    this.error(message, { code: 'commander.optionMissingArgument' });
  }

  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */

  missingMandatoryOptionValue(option) {
    const message = `error: required option '${option.flags}' not specified`;
    this.error(message, { code: 'commander.missingMandatoryOptionValue' });
  }

  /**
   * `Option` conflicts with another option.
   *
   * @param {Option} option
   * @param {Option} conflictingOption
   * @private
   */
  _conflictingOption(option, conflictingOption) {
    // The calling code does not know whether a negated option is the source of the
    // value, so do some work to take an educated guess.
    const findBestOptionFromValue = (option) => {
      const optionKey = option.attributeName();
      const optionValue = this.getOptionValue(optionKey);
      const negativeOption = this.options.find(
        (target) => target.negate && optionKey === target.attributeName(),
      );
      const positiveOption = this.options.find(
        (target) => !target.negate && optionKey === target.attributeName(),
      );
      if (
        negativeOption &&
        ((negativeOption.presetArg === undefined && optionValue === false) ||
          (negativeOption.presetArg !== undefined &&
            optionValue === negativeOption.presetArg))
      ) {
        return negativeOption;
      }
      return positiveOption || option;
    };

    const getErrorMessage = (option) => {
      const bestOption = findBestOptionFromValue(option);
      const optionKey = bestOption.attributeName();
      const source = this.getOptionValueSource(optionKey);
      if (source === 'env') {
        return `environment variable '${bestOption.envVar}'`;
      }
      return `option '${bestOption.flags}'`;
    };

    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message, { code: 'commander.conflictingOption' });
  }

  /**
   * Unknown option `flag`.
   *
   * @param {string} flag
   * @private
   */

  unknownOption(flag) {
    if (this._allowUnknownOption) return;
    let suggestion = '';

    if (flag.startsWith('--') && this._showSuggestionAfterError) {
      // Looping to pick up the global options too
      let candidateFlags = [];
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      let command = this;
      do {
        const moreFlags = command
          .createHelp()
          .visibleOptions(command)
          .filter((option) => option.long)
          .map((option) => option.long);
        candidateFlags = candidateFlags.concat(moreFlags);
        command = command.parent;
      } while (command && !command._enablePositionalOptions);
      suggestion = suggestSimilar(flag, candidateFlags);
    }

    const message = `error: unknown option '${flag}'${suggestion}`;
    this.error(message, { code: 'commander.unknownOption' });
  }

  /**
   * Excess arguments, more than expected.
   *
   * @param {string[]} receivedArgs
   * @private
   */

  _excessArguments(receivedArgs) {
    if (this._allowExcessArguments) return;

    const expected = this.registeredArguments.length;
    const s = expected === 1 ? '' : 's';
    const forSubcommand = this.parent ? ` for '${this.name()}'` : '';
    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
    this.error(message, { code: 'commander.excessArguments' });
  }

  /**
   * Unknown command.
   *
   * @private
   */

  unknownCommand() {
    const unknownName = this.args[0];
    let suggestion = '';

    if (this._showSuggestionAfterError) {
      const candidateNames = [];
      this.createHelp()
        .visibleCommands(this)
        .forEach((command) => {
          candidateNames.push(command.name());
          // just visible alias
          if (command.alias()) candidateNames.push(command.alias());
        });
      suggestion = suggestSimilar(unknownName, candidateNames);
    }

    const message = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message, { code: 'commander.unknownCommand' });
  }

  /**
   * Get or set the program version.
   *
   * This method auto-registers the "-V, --version" option which will print the version number.
   *
   * You can optionally supply the flags and description to override the defaults.
   *
   * @param {string} [str]
   * @param {string} [flags]
   * @param {string} [description]
   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
   */

  version(str, flags, description) {
    if (str === undefined) return this._version;
    this._version = str;
    flags = flags || '-V, --version';
    description = description || 'output the version number';
    const versionOption = this.createOption(flags, description);
    this._versionOptionName = versionOption.attributeName();
    this._registerOption(versionOption);

    this.on('option:' + versionOption.name(), () => {
      this._outputConfiguration.writeOut(`${str}\n`);
      this._exit(0, 'commander.version', str);
    });
    return this;
  }

  /**
   * Set the description.
   *
   * @param {string} [str]
   * @param {object} [argsDescription]
   * @return {(string|Command)}
   */
  description(str, argsDescription) {
    if (str === undefined && argsDescription === undefined)
      return this._description;
    this._description = str;
    if (argsDescription) {
      this._argsDescription = argsDescription;
    }
    return this;
  }

  /**
   * Set the summary. Used when listed as subcommand of parent.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  summary(str) {
    if (str === undefined) return this._summary;
    this._summary = str;
    return this;
  }

  /**
   * Set an alias for the command.
   *
   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
   *
   * @param {string} [alias]
   * @return {(string|Command)}
   */

  alias(alias) {
    if (alias === undefined) return this._aliases[0]; // just return first, for backwards compatibility

    /** @type {Command} */
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let command = this;
    if (
      this.commands.length !== 0 &&
      this.commands[this.commands.length - 1]._executableHandler
    ) {
      // assume adding alias for last added executable subcommand, rather than this
      command = this.commands[this.commands.length - 1];
    }

    if (alias === command._name)
      throw new Error("Command alias can't be the same as its name");
    const matchingCommand = this.parent?._findCommand(alias);
    if (matchingCommand) {
      // c.f. _registerCommand
      const existingCmd = [matchingCommand.name()]
        .concat(matchingCommand.aliases())
        .join('|');
      throw new Error(
        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`,
      );
    }

    command._aliases.push(alias);
    return this;
  }

  /**
   * Set aliases for the command.
   *
   * Only the first alias is shown in the auto-generated help.
   *
   * @param {string[]} [aliases]
   * @return {(string[]|Command)}
   */

  aliases(aliases) {
    // Getter for the array of aliases is the main reason for having aliases() in addition to alias().
    if (aliases === undefined) return this._aliases;

    aliases.forEach((alias) => this.alias(alias));
    return this;
  }

  /**
   * Set / get the command usage `str`.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  usage(str) {
    if (str === undefined) {
      if (this._usage) return this._usage;

      const args = this.registeredArguments.map((arg) => {
        return humanReadableArgName(arg);
      });
      return []
        .concat(
          this.options.length || this._helpOption !== null ? '[options]' : [],
          this.commands.length ? '[command]' : [],
          this.registeredArguments.length ? args : [],
        )
        .join(' ');
    }

    this._usage = str;
    return this;
  }

  /**
   * Get or set the name of the command.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */

  name(str) {
    if (str === undefined) return this._name;
    this._name = str;
    return this;
  }

  /**
   * Set/get the help group heading for this subcommand in parent command's help.
   *
   * @param {string} [heading]
   * @return {Command | string}
   */

  helpGroup(heading) {
    if (heading === undefined) return this._helpGroupHeading ?? '';
    this._helpGroupHeading = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for subcommands added to this command.
   * (This does not override a group set directly on the subcommand using .helpGroup().)
   *
   * @example
   * program.commandsGroup('Development Commands:);
   * program.command('watch')...
   * program.command('lint')...
   * ...
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  commandsGroup(heading) {
    if (heading === undefined) return this._defaultCommandGroup ?? '';
    this._defaultCommandGroup = heading;
    return this;
  }

  /**
   * Set/get the default help group heading for options added to this command.
   * (This does not override a group set directly on the option using .helpGroup().)
   *
   * @example
   * program
   *   .optionsGroup('Development Options:')
   *   .option('-d, --debug', 'output extra debugging')
   *   .option('-p, --profile', 'output profiling information')
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  optionsGroup(heading) {
    if (heading === undefined) return this._defaultOptionGroup ?? '';
    this._defaultOptionGroup = heading;
    return this;
  }

  /**
   * @param {Option} option
   * @private
   */
  _initOptionGroup(option) {
    if (this._defaultOptionGroup && !option.helpGroupHeading)
      option.helpGroup(this._defaultOptionGroup);
  }

  /**
   * @param {Command} cmd
   * @private
   */
  _initCommandGroup(cmd) {
    if (this._defaultCommandGroup && !cmd.helpGroup())
      cmd.helpGroup(this._defaultCommandGroup);
  }

  /**
   * Set the name of the command from script filename, such as process.argv[1],
   * or require.main.filename, or __filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(require.main.filename);
   *
   * @param {string} filename
   * @return {Command}
   */

  nameFromFilename(filename) {
    this._name = path.basename(filename, path.extname(filename));

    return this;
  }

  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(__dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */

  executableDir(path) {
    if (path === undefined) return this._executableDir;
    this._executableDir = path;
    return this;
  }

  /**
   * Return program help documentation.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
   * @return {string}
   */

  helpInformation(contextOptions) {
    const helper = this.createHelp();
    const context = this._getOutputContext(contextOptions);
    helper.prepareContext({
      error: context.error,
      helpWidth: context.helpWidth,
      outputHasColors: context.hasColors,
    });
    const text = helper.formatHelp(this, helper);
    if (context.hasColors) return text;
    return this._outputConfiguration.stripColor(text);
  }

  /**
   * @typedef HelpContext
   * @type {object}
   * @property {boolean} error
   * @property {number} helpWidth
   * @property {boolean} hasColors
   * @property {function} write - includes stripColor if needed
   *
   * @returns {HelpContext}
   * @private
   */

  _getOutputContext(contextOptions) {
    contextOptions = contextOptions || {};
    const error = !!contextOptions.error;
    let baseWrite;
    let hasColors;
    let helpWidth;
    if (error) {
      baseWrite = (str) => this._outputConfiguration.writeErr(str);
      hasColors = this._outputConfiguration.getErrHasColors();
      helpWidth = this._outputConfiguration.getErrHelpWidth();
    } else {
      baseWrite = (str) => this._outputConfiguration.writeOut(str);
      hasColors = this._outputConfiguration.getOutHasColors();
      helpWidth = this._outputConfiguration.getOutHelpWidth();
    }
    const write = (str) => {
      if (!hasColors) str = this._outputConfiguration.stripColor(str);
      return baseWrite(str);
    };
    return { error, write, hasColors, helpWidth };
  }

  /**
   * Output help information for this command.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  outputHelp(contextOptions) {
    let deprecatedCallback;
    if (typeof contextOptions === 'function') {
      deprecatedCallback = contextOptions;
      contextOptions = undefined;
    }

    const outputContext = this._getOutputContext(contextOptions);
    /** @type {HelpTextEventContext} */
    const eventContext = {
      error: outputContext.error,
      write: outputContext.write,
      command: this,
    };

    this._getCommandAndAncestors()
      .reverse()
      .forEach((command) => command.emit('beforeAllHelp', eventContext));
    this.emit('beforeHelp', eventContext);

    let helpInformation = this.helpInformation({ error: outputContext.error });
    if (deprecatedCallback) {
      helpInformation = deprecatedCallback(helpInformation);
      if (
        typeof helpInformation !== 'string' &&
        !Buffer.isBuffer(helpInformation)
      ) {
        throw new Error('outputHelp callback must return a string or a Buffer');
      }
    }
    outputContext.write(helpInformation);

    if (this._getHelpOption()?.long) {
      this.emit(this._getHelpOption().long); // deprecated
    }
    this.emit('afterHelp', eventContext);
    this._getCommandAndAncestors().forEach((command) =>
      command.emit('afterAllHelp', eventContext),
    );
  }

  /**
   * You can pass in flags and a description to customise the built-in help option.
   * Pass in false to disable the built-in help option.
   *
   * @example
   * program.helpOption('-?, --help' 'show help'); // customise
   * program.helpOption(false); // disable
   *
   * @param {(string | boolean)} flags
   * @param {string} [description]
   * @return {Command} `this` command for chaining
   */

  helpOption(flags, description) {
    // Support enabling/disabling built-in help option.
    if (typeof flags === 'boolean') {
      if (flags) {
        if (this._helpOption === null) this._helpOption = undefined; // reenable
        if (this._defaultOptionGroup) {
          // make the option to store the group
          this._initOptionGroup(this._getHelpOption());
        }
      } else {
        this._helpOption = null; // disable
      }
      return this;
    }

    // Customise flags and description.
    this._helpOption = this.createOption(
      flags ?? '-h, --help',
      description ?? 'display help for command',
    );
    // init group unless lazy create
    if (flags || description) this._initOptionGroup(this._helpOption);

    return this;
  }

  /**
   * Lazy create help option.
   * Returns null if has been disabled with .helpOption(false).
   *
   * @returns {(Option | null)} the help option
   * @package
   */
  _getHelpOption() {
    // Lazy create help option on demand.
    if (this._helpOption === undefined) {
      this.helpOption(undefined, undefined);
    }
    return this._helpOption;
  }

  /**
   * Supply your own option to use for the built-in help option.
   * This is an alternative to using helpOption() to customise the flags and description etc.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addHelpOption(option) {
    this._helpOption = option;
    this._initOptionGroup(option);
    return this;
  }

  /**
   * Output help information and exit.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */

  help(contextOptions) {
    this.outputHelp(contextOptions);
    let exitCode = Number(process.exitCode ?? 0); // process.exitCode does allow a string or an integer, but we prefer just a number
    if (
      exitCode === 0 &&
      contextOptions &&
      typeof contextOptions !== 'function' &&
      contextOptions.error
    ) {
      exitCode = 1;
    }
    // message: do not have all displayed text available so only passing placeholder.
    this._exit(exitCode, 'commander.help', '(outputHelp)');
  }

  /**
   * // Do a little typing to coordinate emit and listener for the help text events.
   * @typedef HelpTextEventContext
   * @type {object}
   * @property {boolean} error
   * @property {Command} command
   * @property {function} write
   */

  /**
   * Add additional text to be displayed with the built-in help.
   *
   * Position is 'before' or 'after' to affect just this command,
   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
   *
   * @param {string} position - before or after built-in help
   * @param {(string | Function)} text - string to add, or a function returning a string
   * @return {Command} `this` command for chaining
   */

  addHelpText(position, text) {
    const allowedValues = ['beforeAll', 'before', 'after', 'afterAll'];
    if (!allowedValues.includes(position)) {
      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
    }

    const helpEvent = `${position}Help`;
    this.on(helpEvent, (/** @type {HelpTextEventContext} */ context) => {
      let helpStr;
      if (typeof text === 'function') {
        helpStr = text({ error: context.error, command: context.command });
      } else {
        helpStr = text;
      }
      // Ignore falsy value when nothing to output.
      if (helpStr) {
        context.write(`${helpStr}\n`);
      }
    });
    return this;
  }

  /**
   * Output help information if help flags specified
   *
   * @param {Array} args - array of options to search for help flags
   * @private
   */

  _outputHelpIfRequested(args) {
    const helpOption = this._getHelpOption();
    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
    if (helpRequested) {
      this.outputHelp();
      // (Do not have all displayed text available so only passing placeholder.)
      this._exit(0, 'commander.helpDisplayed', '(outputHelp)');
    }
  }
}

/**
 * Scan arguments and increment port number for inspect calls (to avoid conflicts when spawning new command).
 *
 * @param {string[]} args - array of arguments from node.execArgv
 * @returns {string[]}
 * @private
 */

function incrementNodeInspectorPort(args) {
  // Testing for these options:
  //  --inspect[=[host:]port]
  //  --inspect-brk[=[host:]port]
  //  --inspect-port=[host:]port
  return args.map((arg) => {
    if (!arg.startsWith('--inspect')) {
      return arg;
    }
    let debugOption;
    let debugHost = '127.0.0.1';
    let debugPort = '9229';
    let match;
    if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
      // e.g. --inspect
      debugOption = match[1];
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null
    ) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        // e.g. --inspect=1234
        debugPort = match[3];
      } else {
        // e.g. --inspect=localhost
        debugHost = match[3];
      }
    } else if (
      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null
    ) {
      // e.g. --inspect=localhost:1234
      debugOption = match[1];
      debugHost = match[3];
      debugPort = match[4];
    }

    if (debugOption && debugPort !== '0') {
      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
    }
    return arg;
  });
}

/**
 * @returns {boolean | undefined}
 * @package
 */
function useColor() {
  // Test for common conventions.
  // NB: the observed behaviour is in combination with how author adds color! For example:
  //   - we do not test NODE_DISABLE_COLORS, but util:styletext does
  //   - we do test NO_COLOR, but Chalk does not
  //
  // References:
  // https://no-color.org
  // https://bixense.com/clicolors/
  // https://github.com/nodejs/node/blob/0a00217a5f67ef4a22384cfc80eb6dd9a917fdc1/lib/internal/tty.js#L109
  // https://github.com/chalk/supports-color/blob/c214314a14bcb174b12b3014b2b0a8de375029ae/index.js#L33
  // (https://force-color.org recent web page from 2023, does not match major javascript implementations)

  if (
    process.env.NO_COLOR ||
    process.env.FORCE_COLOR === '0' ||
    process.env.FORCE_COLOR === 'false'
  )
    return false;
  if (process.env.FORCE_COLOR || process.env.CLICOLOR_FORCE !== undefined)
    return true;
  return undefined;
}

exports.Command = Command;
exports.useColor = useColor; // exporting for tests


/***/ }),

/***/ 135:
/***/ ((__unused_webpack_module, exports) => {

/**
 * CommanderError class
 */
class CommanderError extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message) {
    super(message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = undefined;
  }
}

/**
 * InvalidArgumentError class
 */
class InvalidArgumentError extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message) {
    super(1, 'commander.invalidArgument', message);
    // properly capture stack trace in Node.js
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
}

exports.CommanderError = CommanderError;
exports.InvalidArgumentError = InvalidArgumentError;


/***/ }),

/***/ 754:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { humanReadableArgName } = __nccwpck_require__(154);

/**
 * TypeScript import types for JSDoc, used by Visual Studio Code IntelliSense and `npm run typescript-checkJS`
 * https://www.typescriptlang.org/docs/handbook/jsdoc-supported-types.html#import-types
 * @typedef { import("./argument.js").Argument } Argument
 * @typedef { import("./command.js").Command } Command
 * @typedef { import("./option.js").Option } Option
 */

// Although this is a class, methods are static in style to allow override using subclass or just functions.
class Help {
  constructor() {
    this.helpWidth = undefined;
    this.minWidthToWrap = 40;
    this.sortSubcommands = false;
    this.sortOptions = false;
    this.showGlobalOptions = false;
  }

  /**
   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
   * and just before calling `formatHelp()`.
   *
   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
   *
   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
   */
  prepareContext(contextOptions) {
    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
  }

  /**
   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
   *
   * @param {Command} cmd
   * @returns {Command[]}
   */

  visibleCommands(cmd) {
    const visibleCommands = cmd.commands.filter((cmd) => !cmd._hidden);
    const helpCommand = cmd._getHelpCommand();
    if (helpCommand && !helpCommand._hidden) {
      visibleCommands.push(helpCommand);
    }
    if (this.sortSubcommands) {
      visibleCommands.sort((a, b) => {
        // @ts-ignore: because overloaded return type
        return a.name().localeCompare(b.name());
      });
    }
    return visibleCommands;
  }

  /**
   * Compare options for sort.
   *
   * @param {Option} a
   * @param {Option} b
   * @returns {number}
   */
  compareOptions(a, b) {
    const getSortKey = (option) => {
      // WYSIWYG for order displayed in help. Short used for comparison if present. No special handling for negated.
      return option.short
        ? option.short.replace(/^-/, '')
        : option.long.replace(/^--/, '');
    };
    return getSortKey(a).localeCompare(getSortKey(b));
  }

  /**
   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleOptions(cmd) {
    const visibleOptions = cmd.options.filter((option) => !option.hidden);
    // Built-in help option.
    const helpOption = cmd._getHelpOption();
    if (helpOption && !helpOption.hidden) {
      // Automatically hide conflicting flags. Bit dubious but a historical behaviour that is convenient for single-command programs.
      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
      if (!removeShort && !removeLong) {
        visibleOptions.push(helpOption); // no changes needed
      } else if (helpOption.long && !removeLong) {
        visibleOptions.push(
          cmd.createOption(helpOption.long, helpOption.description),
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description),
        );
      }
    }
    if (this.sortOptions) {
      visibleOptions.sort(this.compareOptions);
    }
    return visibleOptions;
  }

  /**
   * Get an array of the visible global options. (Not including help.)
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */

  visibleGlobalOptions(cmd) {
    if (!this.showGlobalOptions) return [];

    const globalOptions = [];
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      const visibleOptions = ancestorCmd.options.filter(
        (option) => !option.hidden,
      );
      globalOptions.push(...visibleOptions);
    }
    if (this.sortOptions) {
      globalOptions.sort(this.compareOptions);
    }
    return globalOptions;
  }

  /**
   * Get an array of the arguments if any have a description.
   *
   * @param {Command} cmd
   * @returns {Argument[]}
   */

  visibleArguments(cmd) {
    // Side effect! Apply the legacy descriptions before the arguments are displayed.
    if (cmd._argsDescription) {
      cmd.registeredArguments.forEach((argument) => {
        argument.description =
          argument.description || cmd._argsDescription[argument.name()] || '';
      });
    }

    // If there are any arguments with a description then return all the arguments.
    if (cmd.registeredArguments.find((argument) => argument.description)) {
      return cmd.registeredArguments;
    }
    return [];
  }

  /**
   * Get the command term to show in the list of subcommands.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandTerm(cmd) {
    // Legacy. Ignores custom usage string, and nested commands.
    const args = cmd.registeredArguments
      .map((arg) => humanReadableArgName(arg))
      .join(' ');
    return (
      cmd._name +
      (cmd._aliases[0] ? '|' + cmd._aliases[0] : '') +
      (cmd.options.length ? ' [options]' : '') + // simplistic check for non-help option
      (args ? ' ' + args : '')
    );
  }

  /**
   * Get the option term to show in the list of options.
   *
   * @param {Option} option
   * @returns {string}
   */

  optionTerm(option) {
    return option.flags;
  }

  /**
   * Get the argument term to show in the list of arguments.
   *
   * @param {Argument} argument
   * @returns {string}
   */

  argumentTerm(argument) {
    return argument.name();
  }

  /**
   * Get the longest command term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestSubcommandTermLength(cmd, helper) {
    return helper.visibleCommands(cmd).reduce((max, command) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleSubcommandTerm(helper.subcommandTerm(command)),
        ),
      );
    }, 0);
  }

  /**
   * Get the longest option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestOptionTermLength(cmd, helper) {
    return helper.visibleOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest global option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestGlobalOptionTermLength(cmd, helper) {
    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
      );
    }, 0);
  }

  /**
   * Get the longest argument term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  longestArgumentTermLength(cmd, helper) {
    return helper.visibleArguments(cmd).reduce((max, argument) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleArgumentTerm(helper.argumentTerm(argument)),
        ),
      );
    }, 0);
  }

  /**
   * Get the command usage to be displayed at the top of the built-in help.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandUsage(cmd) {
    // Usage
    let cmdName = cmd._name;
    if (cmd._aliases[0]) {
      cmdName = cmdName + '|' + cmd._aliases[0];
    }
    let ancestorCmdNames = '';
    for (
      let ancestorCmd = cmd.parent;
      ancestorCmd;
      ancestorCmd = ancestorCmd.parent
    ) {
      ancestorCmdNames = ancestorCmd.name() + ' ' + ancestorCmdNames;
    }
    return ancestorCmdNames + cmdName + ' ' + cmd.usage();
  }

  /**
   * Get the description for the command.
   *
   * @param {Command} cmd
   * @returns {string}
   */

  commandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.description();
  }

  /**
   * Get the subcommand summary to show in the list of subcommands.
   * (Fallback to description for backwards compatibility.)
   *
   * @param {Command} cmd
   * @returns {string}
   */

  subcommandDescription(cmd) {
    // @ts-ignore: because overloaded return type
    return cmd.summary() || cmd.description();
  }

  /**
   * Get the option description to show in the list of options.
   *
   * @param {Option} option
   * @return {string}
   */

  optionDescription(option) {
    const extraInfo = [];

    if (option.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (option.defaultValue !== undefined) {
      // default for boolean and negated more for programmer than end user,
      // but show true/false for boolean option as may be for hand-rolled env or config processing.
      const showDefault =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (showDefault) {
        extraInfo.push(
          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`,
        );
      }
    }
    // preset for boolean and negated are more for programmer than end user
    if (option.presetArg !== undefined && option.optional) {
      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
    }
    if (option.envVar !== undefined) {
      extraInfo.push(`env: ${option.envVar}`);
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (option.description) {
        return `${option.description} ${extraDescription}`;
      }
      return extraDescription;
    }

    return option.description;
  }

  /**
   * Get the argument description to show in the list of arguments.
   *
   * @param {Argument} argument
   * @return {string}
   */

  argumentDescription(argument) {
    const extraInfo = [];
    if (argument.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
      );
    }
    if (argument.defaultValue !== undefined) {
      extraInfo.push(
        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`,
      );
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(', ')})`;
      if (argument.description) {
        return `${argument.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return argument.description;
  }

  /**
   * Format a list of items, given a heading and an array of formatted items.
   *
   * @param {string} heading
   * @param {string[]} items
   * @param {Help} helper
   * @returns string[]
   */
  formatItemList(heading, items, helper) {
    if (items.length === 0) return [];

    return [helper.styleTitle(heading), ...items, ''];
  }

  /**
   * Group items by their help group heading.
   *
   * @param {Command[] | Option[]} unsortedItems
   * @param {Command[] | Option[]} visibleItems
   * @param {Function} getGroup
   * @returns {Map<string, Command[] | Option[]>}
   */
  groupItems(unsortedItems, visibleItems, getGroup) {
    const result = new Map();
    // Add groups in order of appearance in unsortedItems.
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) result.set(group, []);
    });
    // Add items in order of appearance in visibleItems.
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) {
        result.set(group, []);
      }
      result.get(group).push(item);
    });
    return result;
  }

  /**
   * Generate the built-in help text.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {string}
   */

  formatHelp(cmd, helper) {
    const termWidth = helper.padWidth(cmd, helper);
    const helpWidth = helper.helpWidth ?? 80; // in case prepareContext() was not called

    function callFormatItem(term, description) {
      return helper.formatItem(term, termWidth, description, helper);
    }

    // Usage
    let output = [
      `${helper.styleTitle('Usage:')} ${helper.styleUsage(helper.commandUsage(cmd))}`,
      '',
    ];

    // Description
    const commandDescription = helper.commandDescription(cmd);
    if (commandDescription.length > 0) {
      output = output.concat([
        helper.boxWrap(
          helper.styleCommandDescription(commandDescription),
          helpWidth,
        ),
        '',
      ]);
    }

    // Arguments
    const argumentList = helper.visibleArguments(cmd).map((argument) => {
      return callFormatItem(
        helper.styleArgumentTerm(helper.argumentTerm(argument)),
        helper.styleArgumentDescription(helper.argumentDescription(argument)),
      );
    });
    output = output.concat(
      this.formatItemList('Arguments:', argumentList, helper),
    );

    // Options
    const optionGroups = this.groupItems(
      cmd.options,
      helper.visibleOptions(cmd),
      (option) => option.helpGroupHeading ?? 'Options:',
    );
    optionGroups.forEach((options, group) => {
      const optionList = options.map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option)),
        );
      });
      output = output.concat(this.formatItemList(group, optionList, helper));
    });

    if (helper.showGlobalOptions) {
      const globalOptionList = helper
        .visibleGlobalOptions(cmd)
        .map((option) => {
          return callFormatItem(
            helper.styleOptionTerm(helper.optionTerm(option)),
            helper.styleOptionDescription(helper.optionDescription(option)),
          );
        });
      output = output.concat(
        this.formatItemList('Global Options:', globalOptionList, helper),
      );
    }

    // Commands
    const commandGroups = this.groupItems(
      cmd.commands,
      helper.visibleCommands(cmd),
      (sub) => sub.helpGroup() || 'Commands:',
    );
    commandGroups.forEach((commands, group) => {
      const commandList = commands.map((sub) => {
        return callFormatItem(
          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
          helper.styleSubcommandDescription(helper.subcommandDescription(sub)),
        );
      });
      output = output.concat(this.formatItemList(group, commandList, helper));
    });

    return output.join('\n');
  }

  /**
   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
   *
   * @param {string} str
   * @returns {number}
   */
  displayWidth(str) {
    return stripColor(str).length;
  }

  /**
   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
   *
   * @param {string} str
   * @returns {string}
   */
  styleTitle(str) {
    return str;
  }

  styleUsage(str) {
    // Usage has lots of parts the user might like to color separately! Assume default usage string which is formed like:
    //    command subcommand [options] [command] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word === '[command]') return this.styleSubcommandText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleCommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleCommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleOptionDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleSubcommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleArgumentDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleDescriptionText(str) {
    return str;
  }
  styleOptionTerm(str) {
    return this.styleOptionText(str);
  }
  styleSubcommandTerm(str) {
    // This is very like usage with lots of parts! Assume default string which is formed like:
    //    subcommand [options] <foo> [bar]
    return str
      .split(' ')
      .map((word) => {
        if (word === '[options]') return this.styleOptionText(word);
        if (word[0] === '[' || word[0] === '<')
          return this.styleArgumentText(word);
        return this.styleSubcommandText(word); // Restrict to initial words?
      })
      .join(' ');
  }
  styleArgumentTerm(str) {
    return this.styleArgumentText(str);
  }
  styleOptionText(str) {
    return str;
  }
  styleArgumentText(str) {
    return str;
  }
  styleSubcommandText(str) {
    return str;
  }
  styleCommandText(str) {
    return str;
  }

  /**
   * Calculate the pad width from the maximum term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */

  padWidth(cmd, helper) {
    return Math.max(
      helper.longestOptionTermLength(cmd, helper),
      helper.longestGlobalOptionTermLength(cmd, helper),
      helper.longestSubcommandTermLength(cmd, helper),
      helper.longestArgumentTermLength(cmd, helper),
    );
  }

  /**
   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
   *
   * @param {string} str
   * @returns {boolean}
   */
  preformatted(str) {
    return /\n[^\S\r\n]/.test(str);
  }

  /**
   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
   *
   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
   *   TTT  DDD DDDD
   *        DD DDD
   *
   * @param {string} term
   * @param {number} termWidth
   * @param {string} description
   * @param {Help} helper
   * @returns {string}
   */
  formatItem(term, termWidth, description, helper) {
    const itemIndent = 2;
    const itemIndentStr = ' '.repeat(itemIndent);
    if (!description) return itemIndentStr + term;

    // Pad the term out to a consistent width, so descriptions are aligned.
    const paddedTerm = term.padEnd(
      termWidth + term.length - helper.displayWidth(term),
    );

    // Format the description.
    const spacerWidth = 2; // between term and description
    const helpWidth = this.helpWidth ?? 80; // in case prepareContext() was not called
    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
    let formattedDescription;
    if (
      remainingWidth < this.minWidthToWrap ||
      helper.preformatted(description)
    ) {
      formattedDescription = description;
    } else {
      const wrappedDescription = helper.boxWrap(description, remainingWidth);
      formattedDescription = wrappedDescription.replace(
        /\n/g,
        '\n' + ' '.repeat(termWidth + spacerWidth),
      );
    }

    // Construct and overall indent.
    return (
      itemIndentStr +
      paddedTerm +
      ' '.repeat(spacerWidth) +
      formattedDescription.replace(/\n/g, `\n${itemIndentStr}`)
    );
  }

  /**
   * Wrap a string at whitespace, preserving existing line breaks.
   * Wrapping is skipped if the width is less than `minWidthToWrap`.
   *
   * @param {string} str
   * @param {number} width
   * @returns {string}
   */
  boxWrap(str, width) {
    if (width < this.minWidthToWrap) return str;

    const rawLines = str.split(/\r\n|\n/);
    // split up text by whitespace
    const chunkPattern = /[\s]*[^\s]+/g;
    const wrappedLines = [];
    rawLines.forEach((line) => {
      const chunks = line.match(chunkPattern);
      if (chunks === null) {
        wrappedLines.push('');
        return;
      }

      let sumChunks = [chunks.shift()];
      let sumWidth = this.displayWidth(sumChunks[0]);
      chunks.forEach((chunk) => {
        const visibleWidth = this.displayWidth(chunk);
        // Accumulate chunks while they fit into width.
        if (sumWidth + visibleWidth <= width) {
          sumChunks.push(chunk);
          sumWidth += visibleWidth;
          return;
        }
        wrappedLines.push(sumChunks.join(''));

        const nextChunk = chunk.trimStart(); // trim space at line break
        sumChunks = [nextChunk];
        sumWidth = this.displayWidth(nextChunk);
      });
      wrappedLines.push(sumChunks.join(''));
    });

    return wrappedLines.join('\n');
  }
}

/**
 * Strip style ANSI escape sequences from the string. In particular, SGR (Select Graphic Rendition) codes.
 *
 * @param {string} str
 * @returns {string}
 * @package
 */

function stripColor(str) {
  // eslint-disable-next-line no-control-regex
  const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
  return str.replace(sgrPattern, '');
}

exports.Help = Help;
exports.stripColor = stripColor;


/***/ }),

/***/ 240:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

const { InvalidArgumentError } = __nccwpck_require__(135);

class Option {
  /**
   * Initialize a new `Option` with the given `flags` and `description`.
   *
   * @param {string} flags
   * @param {string} [description]
   */

  constructor(flags, description) {
    this.flags = flags;
    this.description = description || '';

    this.required = flags.includes('<'); // A value must be supplied when the option is specified.
    this.optional = flags.includes('['); // A value is optional when the option is specified.
    // variadic test ignores <value,...> et al which might be used to describe custom splitting of single argument
    this.variadic = /\w\.\.\.[>\]]$/.test(flags); // The option can take multiple values.
    this.mandatory = false; // The option must have a value after parsing, which usually means it must be specified on command line.
    const optionFlags = splitOptionFlags(flags);
    this.short = optionFlags.shortFlag; // May be a short flag, undefined, or even a long flag (if option has two long flags).
    this.long = optionFlags.longFlag;
    this.negate = false;
    if (this.long) {
      this.negate = this.long.startsWith('--no-');
    }
    this.defaultValue = undefined;
    this.defaultValueDescription = undefined;
    this.presetArg = undefined;
    this.envVar = undefined;
    this.parseArg = undefined;
    this.hidden = false;
    this.argChoices = undefined;
    this.conflictsWith = [];
    this.implied = undefined;
    this.helpGroupHeading = undefined; // soft initialised when option added to command
  }

  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Option}
   */

  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }

  /**
   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
   * The custom processing (parseArg) is called.
   *
   * @example
   * new Option('--color').default('GREYSCALE').preset('RGB');
   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
   *
   * @param {*} arg
   * @return {Option}
   */

  preset(arg) {
    this.presetArg = arg;
    return this;
  }

  /**
   * Add option name(s) that conflict with this option.
   * An error will be displayed if conflicting options are found during parsing.
   *
   * @example
   * new Option('--rgb').conflicts('cmyk');
   * new Option('--js').conflicts(['ts', 'jsx']);
   *
   * @param {(string | string[])} names
   * @return {Option}
   */

  conflicts(names) {
    this.conflictsWith = this.conflictsWith.concat(names);
    return this;
  }

  /**
   * Specify implied option values for when this option is set and the implied options are not.
   *
   * The custom processing (parseArg) is not called on the implied values.
   *
   * @example
   * program
   *   .addOption(new Option('--log', 'write logging information to file'))
   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
   *
   * @param {object} impliedOptionValues
   * @return {Option}
   */
  implies(impliedOptionValues) {
    let newImplied = impliedOptionValues;
    if (typeof impliedOptionValues === 'string') {
      // string is not documented, but easy mistake and we can do what user probably intended.
      newImplied = { [impliedOptionValues]: true };
    }
    this.implied = Object.assign(this.implied || {}, newImplied);
    return this;
  }

  /**
   * Set environment variable to check for option value.
   *
   * An environment variable is only used if when processed the current option value is
   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
   *
   * @param {string} name
   * @return {Option}
   */

  env(name) {
    this.envVar = name;
    return this;
  }

  /**
   * Set the custom handler for processing CLI option arguments into option values.
   *
   * @param {Function} [fn]
   * @return {Option}
   */

  argParser(fn) {
    this.parseArg = fn;
    return this;
  }

  /**
   * Whether the option is mandatory and must have a value after parsing.
   *
   * @param {boolean} [mandatory=true]
   * @return {Option}
   */

  makeOptionMandatory(mandatory = true) {
    this.mandatory = !!mandatory;
    return this;
  }

  /**
   * Hide option in help.
   *
   * @param {boolean} [hide=true]
   * @return {Option}
   */

  hideHelp(hide = true) {
    this.hidden = !!hide;
    return this;
  }

  /**
   * @package
   */

  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }

    previous.push(value);
    return previous;
  }

  /**
   * Only allow option value to be one of choices.
   *
   * @param {string[]} values
   * @return {Option}
   */

  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(', ')}.`,
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }

  /**
   * Return option name.
   *
   * @return {string}
   */

  name() {
    if (this.long) {
      return this.long.replace(/^--/, '');
    }
    return this.short.replace(/^-/, '');
  }

  /**
   * Return option name, in a camelcase format that can be used
   * as an object attribute key.
   *
   * @return {string}
   */

  attributeName() {
    if (this.negate) {
      return camelcase(this.name().replace(/^no-/, ''));
    }
    return camelcase(this.name());
  }

  /**
   * Set the help group heading.
   *
   * @param {string} heading
   * @return {Option}
   */
  helpGroup(heading) {
    this.helpGroupHeading = heading;
    return this;
  }

  /**
   * Check if `arg` matches the short or long flag.
   *
   * @param {string} arg
   * @return {boolean}
   * @package
   */

  is(arg) {
    return this.short === arg || this.long === arg;
  }

  /**
   * Return whether a boolean option.
   *
   * Options are one of boolean, negated, required argument, or optional argument.
   *
   * @return {boolean}
   * @package
   */

  isBoolean() {
    return !this.required && !this.optional && !this.negate;
  }
}

/**
 * This class is to make it easier to work with dual options, without changing the existing
 * implementation. We support separate dual options for separate positive and negative options,
 * like `--build` and `--no-build`, which share a single option value. This works nicely for some
 * use cases, but is tricky for others where we want separate behaviours despite
 * the single shared option value.
 */
class DualOptions {
  /**
   * @param {Option[]} options
   */
  constructor(options) {
    this.positiveOptions = new Map();
    this.negativeOptions = new Map();
    this.dualOptions = new Set();
    options.forEach((option) => {
      if (option.negate) {
        this.negativeOptions.set(option.attributeName(), option);
      } else {
        this.positiveOptions.set(option.attributeName(), option);
      }
    });
    this.negativeOptions.forEach((value, key) => {
      if (this.positiveOptions.has(key)) {
        this.dualOptions.add(key);
      }
    });
  }

  /**
   * Did the value come from the option, and not from possible matching dual option?
   *
   * @param {*} value
   * @param {Option} option
   * @returns {boolean}
   */
  valueFromOption(value, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;

    // Use the value to deduce if (probably) came from the option.
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== undefined ? preset : false;
    return option.negate === (negativeValue === value);
  }
}

/**
 * Convert string from kebab-case to camelCase.
 *
 * @param {string} str
 * @return {string}
 * @private
 */

function camelcase(str) {
  return str.split('-').reduce((str, word) => {
    return str + word[0].toUpperCase() + word.slice(1);
  });
}

/**
 * Split the short and long flag out of something like '-m,--mixed <value>'
 *
 * @private
 */

function splitOptionFlags(flags) {
  let shortFlag;
  let longFlag;
  // short flag, single dash and single character
  const shortFlagExp = /^-[^-]$/;
  // long flag, double dash and at least one character
  const longFlagExp = /^--[^-]/;

  const flagParts = flags.split(/[ |,]+/).concat('guard');
  // Normal is short and/or long.
  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
  // Long then short. Rarely used but fine.
  if (!shortFlag && shortFlagExp.test(flagParts[0]))
    shortFlag = flagParts.shift();
  // Allow two long flags, like '--ws, --workspace'
  // This is the supported way to have a shortish option flag.
  if (!shortFlag && longFlagExp.test(flagParts[0])) {
    shortFlag = longFlag;
    longFlag = flagParts.shift();
  }

  // Check for unprocessed flag. Fail noisily rather than silently ignore.
  if (flagParts[0].startsWith('-')) {
    const unsupportedFlag = flagParts[0];
    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
    if (/^-[^-][^-]/.test(unsupportedFlag))
      throw new Error(
        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`,
      );
    if (shortFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many short flags`);
    if (longFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many long flags`);

    throw new Error(`${baseError}
- unrecognised flag format`);
  }
  if (shortFlag === undefined && longFlag === undefined)
    throw new Error(
      `option creation failed due to no flags found in '${flags}'.`,
    );

  return { shortFlag, longFlag };
}

exports.Option = Option;
exports.DualOptions = DualOptions;


/***/ }),

/***/ 30:
/***/ ((__unused_webpack_module, exports) => {

const maxDistance = 3;

function editDistance(a, b) {
  // https://en.wikipedia.org/wiki/Damerau–Levenshtein_distance
  // Calculating optimal string alignment distance, no substring is edited more than once.
  // (Simple implementation.)

  // Quick early exit, return worst case.
  if (Math.abs(a.length - b.length) > maxDistance)
    return Math.max(a.length, b.length);

  // distance between prefix substrings of a and b
  const d = [];

  // pure deletions turn a into empty string
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  // pure insertions turn empty string into b
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }

  // fill matrix
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      let cost = 1;
      if (a[i - 1] === b[j - 1]) {
        cost = 0;
      } else {
        cost = 1;
      }
      d[i][j] = Math.min(
        d[i - 1][j] + 1, // deletion
        d[i][j - 1] + 1, // insertion
        d[i - 1][j - 1] + cost, // substitution
      );
      // transposition
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }

  return d[a.length][b.length];
}

/**
 * Find close matches, restricted to same number of edits.
 *
 * @param {string} word
 * @param {string[]} candidates
 * @returns {string}
 */

function suggestSimilar(word, candidates) {
  if (!candidates || candidates.length === 0) return '';
  // remove possible duplicates
  candidates = Array.from(new Set(candidates));

  const searchingOptions = word.startsWith('--');
  if (searchingOptions) {
    word = word.slice(2);
    candidates = candidates.map((candidate) => candidate.slice(2));
  }

  let similar = [];
  let bestDistance = maxDistance;
  const minSimilarity = 0.4;
  candidates.forEach((candidate) => {
    if (candidate.length <= 1) return; // no one character guesses

    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    const similarity = (length - distance) / length;
    if (similarity > minSimilarity) {
      if (distance < bestDistance) {
        // better edit distance, throw away previous worse matches
        bestDistance = distance;
        similar = [candidate];
      } else if (distance === bestDistance) {
        similar.push(candidate);
      }
    }
  });

  similar.sort((a, b) => a.localeCompare(b));
  if (searchingOptions) {
    similar = similar.map((candidate) => `--${candidate}`);
  }

  if (similar.length > 1) {
    return `\n(Did you mean one of ${similar.join(', ')}?)`;
  }
  if (similar.length === 1) {
    return `\n(Did you mean ${similar[0]}?)`;
  }
  return '';
}

exports.suggestSimilar = suggestSimilar;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// NAMESPACE OBJECT: ./src/schema/workflow-validators.js
var workflow_validators_namespaceObject = {};
__nccwpck_require__.r(workflow_validators_namespaceObject);
__nccwpck_require__.d(workflow_validators_namespaceObject, {
  executionRequest: () => (executionRequest),
  templateRequest: () => (templateRequest)
});

// EXTERNAL MODULE: ./node_modules/commander/index.js
var commander = __nccwpck_require__(909);
;// CONCATENATED MODULE: ./node_modules/commander/esm.mjs


// wrapper to provide named exports for ESM.
const {
  /* program */ "DM": program,
  /* createCommand */ "gu": createCommand,
  /* createArgument */ "er": createArgument,
  /* createOption */ "Ww": createOption,
  /* CommanderError */ "b7": CommanderError,
  /* InvalidArgumentError */ "Di": InvalidArgumentError,
  /* InvalidOptionArgumentError */ "a2": InvalidOptionArgumentError, // deprecated old name
  /* Command */ "uB": Command,
  /* Argument */ "ef": Argument,
  /* Option */ "c$": Option,
  /* Help */ "_V": Help,
} = commander;

;// CONCATENATED MODULE: ./src/plan/draw.ts
const defaultType = 'finish_to_start';
/**
 * A `flowchart TD`: one node per step labelled with its name, one edge per dependency. Edges carry a
 * label only for a non-default type or condition (`-- failure -->`); implicit edges (from conditions)
 * are dotted and unlabelled, since they only order. With a plan, the critical path's steps get the
 * `critical` class (a thicker border).
 */
function toMermaid(workflow, plan) {
    const lines = ['flowchart TD'];
    const nodeIds = workflow.steps.map((step) => mermaidNodeId(step.id, step.index));
    const nodeIdById = new Map(workflow.steps.map((step, position) => [step.id, nodeIds[position]]));
    workflow.steps.forEach((step, position) => {
        lines.push(`  ${nodeIds[position]}["${escapeMermaidText(step.name)}"]`);
    });
    for (const dependency of workflow.dependencies) {
        const from = nodeIdById.get(dependency.from);
        const to = nodeIdById.get(dependency.to);
        if (from === undefined || to === undefined)
            continue;
        lines.push(`  ${from} ${mermaidArrow(dependency)} ${to}`);
    }
    const critical = (plan?.criticalPath.steps ?? []).flatMap((id) => nodeIdById.get(id) ?? []);
    if (critical.length > 0) {
        lines.push('  classDef critical stroke-width:3px');
        lines.push(`  class ${[...new Set(critical)].join(',')} critical`);
    }
    return lines.join('\n') + '\n';
}
/**
 * A Graphviz `digraph`: nodes keyed by step id and labelled with step names, edges labelled like
 * `toMermaid`'s, implicit edges dashed. With a plan, the critical path's steps are drawn bold.
 */
function toDot(workflow, plan) {
    const lines = [`digraph ${dotString(workflow.name)} {`, '  rankdir=TB;', '  node [shape=box, style=rounded];'];
    const critical = new Set(plan?.criticalPath.steps ?? []);
    for (const step of workflow.steps) {
        const bold = critical.has(step.id) ? ', penwidth=3' : '';
        lines.push(`  ${dotString(step.id)} [label=${dotString(step.name)}${bold}];`);
    }
    const known = new Set(workflow.steps.map((step) => step.id));
    for (const dependency of workflow.dependencies) {
        if (!known.has(dependency.from) || !known.has(dependency.to))
            continue;
        const attributes = [];
        const label = edgeLabel(dependency);
        if (label !== '')
            attributes.push(`label=${dotString(label)}`);
        if (dependency.implicit)
            attributes.push('style=dashed');
        const suffix = attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
        lines.push(`  ${dotString(dependency.from)} -> ${dotString(dependency.to)}${suffix};`);
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}
/** What distinguishes an edge from a plain finish_to_start/success one; '' when nothing does. */
function edgeLabel(dependency) {
    const parts = [];
    if (dependency.type !== defaultType)
        parts.push(dependency.type);
    // Implicit edges are ordering only; their `always` is how they are built, not something the user wrote.
    if (!dependency.implicit && dependency.condition !== 'success')
        parts.push(dependency.condition);
    return parts.join(', ');
}
function mermaidArrow(dependency) {
    const label = edgeLabel(dependency);
    if (dependency.implicit)
        return label === '' ? '-.->' : `-. ${label} .->`;
    return label === '' ? '-->' : `-- ${label} -->`;
}
/**
 * Step ids may contain '-', which Mermaid reads as part of an arrow, and may be words Mermaid reserves
 * (`end`) or start with `o`/`x` (circle and cross arrows); a letter-and-index prefix avoids all three
 * and keeps ids unique.
 */
function mermaidNodeId(stepId, index) {
    return `s${index}_${stepId.replace(/-/g, '_')}`;
}
const mermaidEntities = {
    '#': '#35;',
    '"': '#quot;',
    '&': '#amp;',
    '<': '#lt;',
    '>': '#gt;',
    '`': '#96;',
    '|': '#124;'
};
/** Text inside a quoted Mermaid label: entity codes for what Mermaid or HTML would read, no newlines. */
function escapeMermaidText(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(/[#"&<>`|]/g, (character) => mermaidEntities[character] ?? character);
}
/** A DOT double-quoted string: backslashes and quotes escaped, newlines as DOT's `\n`. */
function dotString(text) {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`;
}

;// CONCATENATED MODULE: ./src/util/unreachable.ts
/** Put in the default branch of every switch over a union, so a new case is a compile error. */
function unreachable_unreachable(value) {
    throw new Error(`unreachable: ${JSON.stringify(value)}`);
}

;// CONCATENATED MODULE: ./src/plan/event-graph.ts

/** The start event of the step at `stepIndex`. */
const startEvent = (stepIndex) => stepIndex * 2;
/** The finish event of the step at `stepIndex`. */
const finishEvent = (stepIndex) => stepIndex * 2 + 1;
/** The step an event belongs to. */
const stepOfEvent = (event) => event >> 1;
/** Whether an event is a start event (else it is a finish event). */
const isStartEvent = (event) => (event & 1) === 0;
/** The event of `from` that a dependency of this type waits on: its start or its finish. */
function sourceEvent(type, fromIndex) {
    switch (type) {
        case 'finish_to_start':
        case 'finish_to_finish':
            return finishEvent(fromIndex);
        case 'start_to_start':
        case 'start_to_finish':
            return startEvent(fromIndex);
        default:
            return unreachable_unreachable(type);
    }
}
/** The event of `to` that a dependency of this type holds: its start or its finish. */
function targetEvent(type, toIndex) {
    switch (type) {
        case 'finish_to_start':
        case 'start_to_start':
            return startEvent(toIndex);
        case 'finish_to_finish':
        case 'start_to_finish':
            return finishEvent(toIndex);
        default:
            return unreachable_unreachable(type);
    }
}
/** Looks every dependency's step ids up once; the first of duplicate ids wins (the validator reports duplicates). */
function resolveEndpoints(stepIds, dependencies) {
    const indexById = new Map();
    for (let index = 0; index < stepIds.length; index++) {
        const id = stepIds[index];
        if (!indexById.has(id))
            indexById.set(id, index);
    }
    const fromIndex = new Int32Array(dependencies.length);
    const toIndex = new Int32Array(dependencies.length);
    for (let edge = 0; edge < dependencies.length; edge++) {
        const dependency = dependencies[edge];
        fromIndex[edge] = indexById.get(dependency.from) ?? -1;
        toIndex[edge] = indexById.get(dependency.to) ?? -1;
    }
    return { fromIndex, toIndex };
}
/**
 * Builds the event graph of steps `stepIds` (index = position) and `dependencies`; `endpoints`, when the
 * caller has them already, saves looking the ids up again.
 * Dependencies naming an unknown step and self-dependencies are left out: the validator reports both
 * on their own, and a self-dependency would otherwise also show up as a one-step cycle.
 * Out-edges keep the order of `dependencies`, after each start event's own S → F edge.
 */
function buildEventGraph(stepIds, dependencies, endpoints = resolveEndpoints(stepIds, dependencies)) {
    const stepCount = stepIds.length;
    const eventCount = stepCount * 2;
    const edgeSources = new Int32Array(dependencies.length);
    const edgeTargets = new Int32Array(dependencies.length);
    let dependencyEdgeCount = 0;
    for (let edge = 0; edge < dependencies.length; edge++) {
        const fromIndex = endpoints.fromIndex[edge] ?? -1;
        const toIndex = endpoints.toIndex[edge] ?? -1;
        if (fromIndex === -1 || toIndex === -1 || fromIndex === toIndex)
            continue;
        const type = dependencies[edge].type;
        edgeSources[dependencyEdgeCount] = sourceEvent(type, fromIndex);
        edgeTargets[dependencyEdgeCount] = targetEvent(type, toIndex);
        dependencyEdgeCount++;
    }
    const edgeCount = stepCount + dependencyEdgeCount;
    const outDegree = new Int32Array(eventCount);
    for (let step = 0; step < stepCount; step++)
        outDegree[startEvent(step)] = 1;
    for (let edge = 0; edge < dependencyEdgeCount; edge++) {
        const source = edgeSources[edge];
        outDegree[source] = outDegree[source] + 1;
    }
    const offsets = new Int32Array(eventCount + 1);
    for (let event = 0; event < eventCount; event++)
        offsets[event + 1] = offsets[event] + outDegree[event];
    // outDegree is reused as each event's write position.
    const fill = outDegree;
    fill.set(offsets.subarray(0, eventCount));
    const targets = new Int32Array(edgeCount);
    const append = (source, target) => {
        const position = fill[source];
        targets[position] = target;
        fill[source] = position + 1;
    };
    for (let step = 0; step < stepCount; step++)
        append(startEvent(step), finishEvent(step));
    for (let edge = 0; edge < dependencyEdgeCount; edge++)
        append(edgeSources[edge], edgeTargets[edge]);
    return { stepCount, eventCount, offsets, targets };
}
/**
 * The events in an order where every edge goes forward (Kahn's algorithm), or undefined when the
 * graph has a cycle.
 */
function topologicalOrder(graph) {
    const { eventCount, offsets, targets } = graph;
    const inDegree = new Int32Array(eventCount);
    for (const target of targets)
        inDegree[target] = inDegree[target] + 1;
    // A FIFO over a preallocated array: each event enters it exactly once.
    const order = new Int32Array(eventCount);
    let tail = 0;
    for (let event = 0; event < eventCount; event++)
        if (inDegree[event] === 0)
            order[tail++] = event;
    for (let head = 0; head < tail; head++) {
        const event = order[head];
        const end = offsets[event + 1];
        for (let edge = offsets[event]; edge < end; edge++) {
            const target = targets[edge];
            const remaining = inDegree[target] - 1;
            inDegree[target] = remaining;
            if (remaining === 0)
                order[tail++] = target;
        }
    }
    return tail === eventCount ? order : undefined;
}

;// CONCATENATED MODULE: ./src/plan/workflow-graph.ts

/**
 * Builds the workflow's event graph and orders it. A cycle here means the caller skipped validation,
 * which is a bug, not a user error: it throws.
 */
function orderedEventGraph(workflow) {
    const stepIds = workflow.steps.map((step) => step.id);
    const endpoints = resolveEndpoints(stepIds, workflow.dependencies);
    const graph = buildEventGraph(stepIds, workflow.dependencies, endpoints);
    const order = topologicalOrder(graph);
    if (order === undefined)
        throw new Error(`workflow "${workflow.name}" has a dependency cycle; validate it before planning`);
    return { graph, order, endpoints };
}

;// CONCATENATED MODULE: ./src/plan/critical-path.ts


/**
 * The weight of a step: `durations[id]` (an earlier run) ?? `estimatedDuration` ?? 1 (unit weight).
 * A value that is not a finite, non-negative number counts as unknown.
 */
function stepWeight(step, durations) {
    const known = durations === undefined ? undefined : usableDuration(Object.hasOwn(durations, step.id) ? durations[step.id] : undefined);
    return known ?? usableDuration(step.estimatedDuration) ?? 1;
}
/** Whether any step's weight comes from a real duration (earlier run or estimate) rather than the unit fallback. */
function hasKnownDuration(workflow, durations) {
    return workflow.steps.some((step) => usableDuration(step.estimatedDuration) !== undefined ||
        (durations !== undefined && Object.hasOwn(durations, step.id) && usableDuration(durations[step.id]) !== undefined));
}
/** The longest weighted path through the workflow; `{steps: [], duration: 0}` for a workflow without steps. */
function criticalPath(workflow, durations) {
    return criticalPathOf(workflow, longestPaths(orderedEventGraph(workflow), stepWeights(workflow, durations)));
}
/**
 * For each step (indexed by `step.index`), the longest weighted path from its start to the end of the
 * graph, its own duration included. Ties are left to the scheduler (definition order).
 */
function remainingPathLengths(workflow, durations) {
    return remainingFromStarts(longestPaths(orderedEventGraph(workflow), stepWeights(workflow, durations)));
}
/** Each step's weight by step index. */
function stepWeights(workflow, durations) {
    return Float64Array.from(workflow.steps, (step) => stepWeight(step, durations));
}
/**
 * One pass over the events in reverse topological order. On ties the earlier out-edge wins, which at a
 * start event is the step's own run: the path then goes through the step rather than around it.
 */
function longestPaths({ graph, order }, weights) {
    const { eventCount, offsets, targets } = graph;
    const tail = new Float64Array(eventCount);
    const next = new Int32Array(eventCount).fill(-1);
    for (let position = eventCount - 1; position >= 0; position--) {
        const event = order[position];
        const ownRun = isStartEvent(event) ? event + 1 : -1;
        let best = 0;
        let bestNext = -1;
        const end = offsets[event + 1];
        for (let edge = offsets[event]; edge < end; edge++) {
            const target = targets[edge];
            const weight = target === ownRun ? weights[stepOfEvent(event)] : 0;
            const length = weight + tail[target];
            if (bestNext === -1 || length > best) {
                best = length;
                bestNext = target;
            }
        }
        tail[event] = best;
        next[event] = bestNext;
    }
    return { graph, tail, next };
}
/** `tail` at each step's start event, by step index. */
function remainingFromStarts({ graph, tail }) {
    const remaining = new Float64Array(graph.stepCount);
    for (let step = 0; step < graph.stepCount; step++)
        remaining[step] = tail[startEvent(step)];
    return remaining;
}
/** Follows `next` from the start event with the longest tail (the earliest step on ties). */
function criticalPathOf(workflow, { graph, tail, next }) {
    if (graph.stepCount === 0)
        return { steps: [], duration: 0 };
    // A longest path can always begin at a start event: S(s) reaches everything F(s) does.
    let first = 0;
    for (let step = 1; step < graph.stepCount; step++) {
        if (tail[startEvent(step)] > tail[startEvent(first)])
            first = step;
    }
    const steps = [];
    let previousStep = -1;
    for (let event = startEvent(first); event !== -1; event = next[event]) {
        const step = stepOfEvent(event);
        if (step !== previousStep)
            steps.push(workflow.steps[step]?.id);
        previousStep = step;
    }
    return { steps, duration: tail[startEvent(first)] };
}
function usableDuration(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

;// CONCATENATED MODULE: ./src/plan/plan.ts



/**
 * Plans a validated workflow. Levels: a finish_to_start edge puts its `to` at least one level below its
 * `from`, a start_to_start edge at least at the same level; finish_to_finish and start_to_finish edges
 * hold only the end of `to`, so they do not move its level. Weights for the critical path are
 * `durations[id]` ?? `estimatedDuration` ?? 1. Throws on a cyclic model (validate first).
 */
function planWorkflow(workflow, durations) {
    const ordered = orderedEventGraph(workflow);
    const level = stepLevels(ordered);
    const dependsOn = incomingSteps(workflow, ordered.endpoints);
    const levels = [];
    const steps = workflow.steps.map((step, index) => {
        const stepLevel = level[index];
        while (levels.length <= stepLevel)
            levels.push([]);
        levels[stepLevel]?.push(step.id);
        return { id: step.id, level: stepLevel, dependsOn: dependsOn[index] ?? [] };
    });
    const critical = criticalPathOf(workflow, longestPaths(ordered, stepWeights(workflow, durations)));
    return { steps, levels, criticalPath: critical, estimatedDuration: critical.duration };
}
/**
 * Levels in one pass over the events in topological order: every event that can raise a step's level
 * comes before that step's start event, so each level is final before it is passed on.
 */
function stepLevels({ graph, order }) {
    const { offsets, targets } = graph;
    const level = new Int32Array(graph.stepCount);
    for (const event of order) {
        const step = stepOfEvent(event);
        // From a start event only start_to_start edges reach another start; from a finish event, finish_to_start.
        const raised = level[step] + (isStartEvent(event) ? 0 : 1);
        const end = offsets[event + 1];
        for (let edge = offsets[event]; edge < end; edge++) {
            const target = targets[edge];
            if (!isStartEvent(target))
                continue;
            const targetStep = stepOfEvent(target);
            if (level[targetStep] < raised)
                level[targetStep] = raised;
        }
    }
    return level;
}
/**
 * The `from` ids of each step's incoming dependencies, by step index. Dependencies are grouped by `to`
 * with a stable counting sort, and repeats are dropped with a per-`from` marker, so a step with a huge
 * fan-in costs no more than the sum of its edges.
 */
function incomingSteps(workflow, endpoints) {
    const stepIds = workflow.steps.map((step) => step.id);
    // Edges naming an unknown step are dropped (a validated model has none).
    const edgeFrom = [];
    const edgeTo = [];
    for (let edge = 0; edge < endpoints.fromIndex.length; edge++) {
        const fromIndex = endpoints.fromIndex[edge] ?? -1;
        const toIndex = endpoints.toIndex[edge] ?? -1;
        if (fromIndex === -1 || toIndex === -1)
            continue;
        edgeFrom.push(fromIndex);
        edgeTo.push(toIndex);
    }
    const stepCount = stepIds.length;
    const start = new Int32Array(stepCount + 1);
    for (const toIndex of edgeTo)
        start[toIndex + 1] = start[toIndex + 1] + 1;
    for (let step = 0; step < stepCount; step++)
        start[step + 1] = start[step + 1] + start[step];
    const fill = start.slice(0, stepCount);
    const fromByTo = new Int32Array(edgeFrom.length);
    for (let edge = 0; edge < edgeTo.length; edge++) {
        const toIndex = edgeTo[edge];
        const position = fill[toIndex];
        fromByTo[position] = edgeFrom[edge];
        fill[toIndex] = position + 1;
    }
    // lastListedBy[f] = the last step whose list got f: a repeat within one step's group is skipped.
    const lastListedBy = new Int32Array(stepCount).fill(-1);
    const incoming = [];
    for (let step = 0; step < stepCount; step++) {
        const froms = [];
        const end = start[step + 1];
        for (let position = start[step]; position < end; position++) {
            const fromIndex = fromByTo[position];
            if (lastListedBy[fromIndex] === step)
                continue;
            lastListedBy[fromIndex] = step;
            froms.push(stepIds[fromIndex]);
        }
        incoming.push(froms);
    }
    return incoming;
}

;// CONCATENATED MODULE: ./src/cli/exit-codes.ts
/** SPEC §11 exit codes. */
const EXIT = {
    success: 0,
    workflowFailed: 1,
    invalid: 2,
    interrupted: 130,
};

;// CONCATENATED MODULE: ./src/definition/diagnostics.ts
function formatDiagnostic(d) {
    return `${d.location.file}:${d.location.line}:${d.location.column}: ${d.severity}: ${d.message}`;
}
/** Thrown only by the outermost loaders; inner code returns diagnostics. */
class DefinitionError extends Error {
    diagnostics;
    constructor(diagnostics) {
        super(diagnostics.map(formatDiagnostic).join('\n'));
        this.name = 'DefinitionError';
        this.diagnostics = diagnostics;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(421);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
;// CONCATENATED MODULE: ./src/util/result.ts
const ok = (value) => ({ ok: true, value });
const err = (error) => ({ ok: false, error });

;// CONCATENATED MODULE: ./src/definition/expressions/values.ts
/**
 * GitHub's value rules for expressions: truthiness, number and string coercion, and the loose `==`/`<`
 * comparisons (mismatched kinds compare as numbers, strings compare case-insensitively, NaN never
 * compares, arrays and objects are equal only to themselves).
 */
/** How an arbitrary JS value reads as an expression value; undefined, functions and the like read as null. */
function kindOf(value) {
    if (value === null || value === undefined)
        return 'null';
    switch (typeof value) {
        case 'boolean':
            return 'boolean';
        case 'number':
            return 'number';
        case 'string':
            return 'string';
        case 'object':
            return Array.isArray(value) ? 'array' : 'object';
        default:
            return 'null';
    }
}
const isPrimitiveKind = (kind) => kind !== 'array' && kind !== 'object';
/** Whether a value can be turned into a string or number by GitHub's rules (not an array or object). */
function isPrimitive(value) {
    return isPrimitiveKind(kindOf(value));
}
/** GitHub's truthiness: false, 0, -0, NaN, '' and null are falsy; everything else, arrays and objects included, is truthy. */
function values_isTruthy(value) {
    switch (kindOf(value)) {
        case 'null':
            return false;
        case 'boolean':
            return value === true;
        case 'number':
            return value !== 0 && !Number.isNaN(value);
        case 'string':
            return value !== '';
        case 'array':
        case 'object':
            return true;
    }
}
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEXADECIMAL = /^([+-]?)0[xX]([0-9A-Fa-f]+)$/;
const SPECIAL = /^[+-]?Infinity$|^NaN$/;
/** A string as a number: surrounding whitespace ignored, '' is 0, decimal/exponent/hex accepted, else NaN. */
function parseNumericString(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return 0;
    if (DECIMAL.test(trimmed) || SPECIAL.test(trimmed))
        return Number(trimmed);
    const hex = HEXADECIMAL.exec(trimmed);
    if (hex)
        return (hex[1] === '-' ? -1 : 1) * Number.parseInt(hex[2] ?? '', 16);
    return Number.NaN;
}
/** GitHub's number coercion: null → 0, true → 1, false → 0, strings parsed, arrays and objects → NaN. */
function toNumber(value) {
    switch (kindOf(value)) {
        case 'null':
            return 0;
        case 'boolean':
            return value === true ? 1 : 0;
        case 'number':
            return value;
        case 'string':
            return parseNumericString(value);
        case 'array':
        case 'object':
            return Number.NaN;
    }
}
/** Numbers print with at most 15 significant digits, as GitHub does (`0.1 + 0.2` would print `0.3`). */
function formatNumber(value) {
    if (value === 0)
        return '0';
    if (!Number.isFinite(value))
        return String(value);
    return String(Number(value.toPrecision(15)));
}
/** GitHub's string coercion: null → '', booleans and numbers as text, arrays → 'Array', objects → 'Object'. */
function toExpressionString(value) {
    switch (kindOf(value)) {
        case 'null':
            return '';
        case 'boolean':
            return value === true ? 'true' : 'false';
        case 'number':
            return formatNumber(value);
        case 'string':
            return value;
        case 'array':
            return 'Array';
        case 'object':
            return 'Object';
    }
}
/** Strings compare ignoring case, ordinal otherwise. */
const foldCase = (text) => text.toUpperCase();
/**
 * Brings two values to one kind the way GitHub does before comparing: null and booleans become numbers;
 * a string meeting a number becomes a number; other mismatches stay mismatched (and compare false).
 */
function coercePair(left, right) {
    const leftKind = kindOf(left);
    const rightKind = kindOf(right);
    if (leftKind === rightKind)
        return [left, right];
    if (leftKind === 'null' || leftKind === 'boolean')
        return coercePair(toNumber(left), right);
    if (rightKind === 'null' || rightKind === 'boolean')
        return coercePair(left, toNumber(right));
    if ((leftKind === 'number' && rightKind === 'string') || (leftKind === 'string' && rightKind === 'number')) {
        return [toNumber(left), toNumber(right)];
    }
    return [left, right];
}
/** GitHub's `==`. */
function looseEquals(left, right) {
    const [a, b] = coercePair(left, right);
    const kind = kindOf(a);
    if (kind !== kindOf(b))
        return false;
    switch (kind) {
        case 'null':
            return true;
        case 'number':
            return a === b;
        case 'string':
            return foldCase(a) === foldCase(b);
        case 'boolean':
            return a === b;
        case 'array':
        case 'object':
            return a === b;
    }
}
/** -1, 0 or 1 when the two values are ordered by GitHub's rules; null when they do not compare (NaN, mismatched kinds). */
function order(left, right) {
    const [a, b] = coercePair(left, right);
    const kind = kindOf(a);
    if (kind !== kindOf(b))
        return null;
    switch (kind) {
        case 'number': {
            const x = a;
            const y = b;
            if (Number.isNaN(x) || Number.isNaN(y))
                return null;
            return x < y ? -1 : x > y ? 1 : 0;
        }
        case 'string': {
            const x = foldCase(a);
            const y = foldCase(b);
            return x < y ? -1 : x > y ? 1 : 0;
        }
        case 'boolean':
            return a === b ? 0 : a === true ? 1 : -1;
        case 'null':
            return 0;
        case 'array':
        case 'object':
            return null;
    }
}
/** GitHub's `<`, `<=`, `>`, `>=`. */
function looseCompare(operator, left, right) {
    const result = order(left, right);
    switch (operator) {
        case '<':
            return result === -1;
        case '>':
            return result === 1;
        case '<=':
            return result === -1 || looseEquals(left, right);
        case '>=':
            return result === 1 || looseEquals(left, right);
    }
}
/**
 * A value as plain JSON data: undefined and other non-data become null, so `toJSON` and the like never
 * meet a value JSON cannot show. A cycle becomes null rather than looping.
 */
function toPlainData(value, ancestors = new Set()) {
    const kind = kindOf(value);
    if (kind !== 'array' && kind !== 'object')
        return kind === 'null' ? null : value;
    const container = value;
    if (ancestors.has(container))
        return null;
    ancestors.add(container);
    let copy;
    if (Array.isArray(container)) {
        copy = container.map((item) => toPlainData(item, ancestors));
    }
    else {
        const source = container;
        const target = {};
        // defineProperty, so that a key named `__proto__` (JSON.parse makes those) stays a plain key.
        for (const key of Object.keys(source)) {
            Object.defineProperty(target, key, { value: toPlainData(source[key], ancestors), enumerable: true, writable: true, configurable: true });
        }
        copy = target;
    }
    ancestors.delete(container);
    return copy;
}

;// CONCATENATED MODULE: ./src/definition/expressions/functions.ts



const BUILTIN_ARITY = {
    contains: { min: 2, max: 2 },
    startsWith: { min: 2, max: 2 },
    endsWith: { min: 2, max: 2 },
    fromJSON: { min: 1, max: 1 },
    toJSON: { min: 1, max: 1 },
    format: { min: 1, max: 255 },
    join: { min: 1, max: 2 },
};
const byLowerCase = (names) => new Map(names.map((name) => [name.toLowerCase(), name]));
const BUILTINS = byLowerCase(Object.keys(BUILTIN_ARITY));
const STATUS_FUNCTIONS = byLowerCase(['success', 'failure', 'always', 'cancelled']);
const STEP_STATUS_FUNCTIONS = byLowerCase(['on_success', 'on_failure', 'on_completion']);
/** The canonical name of a builtin function spelled in any case, or undefined. */
const lookupBuiltin = (name) => BUILTINS.get(name.toLowerCase());
/** The canonical name of `success`/`failure`/`always`/`cancelled` spelled in any case, or undefined. */
const lookupStatusFunction = (name) => STATUS_FUNCTIONS.get(name.toLowerCase());
/** The canonical name of `on_success`/`on_failure`/`on_completion` spelled in any case, or undefined. */
const lookupStepStatusFunction = (name) => STEP_STATUS_FUNCTIONS.get(name.toLowerCase());
/** How many arguments a builtin accepts (checked when parsing, so evaluation never meets a wrong count). */
const arityOf = (name) => BUILTIN_ARITY[name];
/** Calls a builtin on evaluated arguments. An expected failure (bad JSON, bad format string) is a message. */
function callBuiltin(name, args) {
    const [first, second] = args;
    switch (name) {
        case 'contains':
            return ok(contains(first, second));
        case 'startsWith':
            return ok(isPrimitive(first) && isPrimitive(second) && foldedString(first).startsWith(foldedString(second)));
        case 'endsWith':
            return ok(isPrimitive(first) && isPrimitive(second) && foldedString(first).endsWith(foldedString(second)));
        case 'fromJSON':
            return fromJSON(toExpressionString(first));
        case 'toJSON':
            return ok(JSON.stringify(toPlainData(first), null, 2));
        case 'format':
            return format(toExpressionString(first), args.slice(1));
        case 'join':
            return ok(join(first, second));
        default:
            return unreachable_unreachable(name);
    }
}
const foldedString = (value) => toExpressionString(value).toLowerCase();
/** In an array: some element `==` the item; in a primitive: a case-insensitive substring. */
function contains(search, item) {
    if (kindOf(search) === 'array')
        return search.some((element) => looseEquals(item, element));
    if (isPrimitive(search) && isPrimitive(item))
        return foldedString(search).includes(foldedString(item));
    return false;
}
/**
 * As deep as a definition file may nest (the loader's limit): fromJSON reads step outputs, which anyone
 * who controls a step's output writes, and every later walk of the value (toJSON, masking, the state
 * file) recurses, so a value nested thousands deep would overflow the orchestrator's stack.
 */
const MAX_JSON_DEPTH = 64;
function fromJSON(text) {
    if (text.trim() === '')
        return err('fromJSON: the text is empty');
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return err(`fromJSON: not valid JSON (${reason})`);
    }
    return nestsDeeperThan(value, MAX_JSON_DEPTH) ? err(`fromJSON: the value nests deeper than ${MAX_JSON_DEPTH} levels`) : ok(value);
}
/** Iterative, so that measuring a deep value cannot itself overflow the stack. */
function nestsDeeperThan(root, limit) {
    const pending = [[root, 0]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const [value, depth] = next;
        if (value === null || typeof value !== 'object')
            continue;
        if (depth >= limit)
            return true;
        for (const child of Object.values(value))
            pending.push([child, depth + 1]);
    }
    return false;
}
/** An array's items as strings joined by the separator (default ','); a primitive as its own string. */
function join(items, separator) {
    if (isPrimitive(items))
        return toExpressionString(items);
    if (kindOf(items) !== 'array')
        return '';
    const glue = separator !== undefined && isPrimitive(separator) ? toExpressionString(separator) : ',';
    return items.map(toExpressionString).join(glue);
}
/**
 * Longest text format() builds: nested calls multiply their pattern's length (eight `{0}` seven deep turn
 * 100 characters into 200 MB), and past V8's string limit the orchestrator itself would throw.
 */
const MAX_FORMAT_LENGTH = 10 * 1024 * 1024;
/** `{0}`…`{N}` replaced by the arguments as strings; `{{` and `}}` stand for literal braces. */
function format(pattern, values) {
    let output = '';
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '{' && pattern[i + 1] === '{') {
            output += '{';
            i += 2;
        }
        else if (c === '}' && pattern[i + 1] === '}') {
            output += '}';
            i += 2;
        }
        else if (c === '{') {
            const placeholder = /^\{(\d+)\}/.exec(pattern.slice(i));
            if (placeholder === null)
                return err(`format: invalid format string '${pattern}'`);
            const index = Number(placeholder[1]);
            if (index >= values.length)
                return err(`format: '${pattern}' refers to argument {${index}} but only ${values.length} were given`);
            const text = toExpressionString(values[index]);
            if (output.length + text.length > MAX_FORMAT_LENGTH)
                return err(`format: the result would be longer than ${MAX_FORMAT_LENGTH} characters`);
            output += text;
            i += placeholder[0].length;
        }
        else if (c === '}') {
            return err(`format: invalid format string '${pattern}' (a lone '}' must be written '}}')`);
        }
        else {
            output += c;
            i++;
        }
    }
    return ok(output);
}

;// CONCATENATED MODULE: ./src/definition/expressions/lexer.ts

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_-]/;
const DIGIT = /[0-9]/;
const HEX_DIGIT = /[0-9A-Fa-f]/;
const WHITESPACE = /[ \t\r\n]/;
/** Token kinds after which a `.` is member access rather than the start of a number like `.5`. */
const ENDS_OPERAND = new Set(['identifier', ']', ')', '*']);
const TWO_CHAR_OPERATORS = new Map([
    ['==', '=='],
    ['!=', '!='],
    ['<=', '<='],
    ['>=', '>='],
    ['&&', '&&'],
    ['||', '||'],
]);
const ONE_CHAR_OPERATORS = new Map([
    ['(', '('],
    [')', ')'],
    ['[', '['],
    [']', ']'],
    [',', ','],
    ['*', '*'],
    ['!', '!'],
    ['<', '<'],
    ['>', '>'],
]);
/** A single `=`, `&` or `|` is a common slip: say what was probably meant. */
const HALF_OPERATORS = new Map([
    ['=', '=='],
    ['&', '&&'],
    ['|', '||'],
]);
/**
 * Tokenizes `text` between offsets `from` and `to` (the inside of a `${{ }}` wrapper, or all of it).
 * The last token is always `end`, placed at `to`.
 */
function tokenize(text, from = 0, to = text.length) {
    const tokens = [];
    let offset = from;
    const at = (i) => (i < to ? (text[i] ?? '') : '');
    const fail = (message, position) => err({ message, column: position + 1 });
    const push = (kind, start, end, value) => {
        tokens.push(value === undefined ? { kind, start, end, text: text.slice(start, end) } : { kind, start, end, text: text.slice(start, end), value });
    };
    while (offset < to) {
        const c = at(offset);
        const start = offset;
        if (WHITESPACE.test(c)) {
            offset++;
            continue;
        }
        if (c === "'") {
            const scanned = scanString(text, start, to);
            if (scanned === null)
                return fail('unterminated string: a closing single quote is missing', start);
            push('string', start, scanned.end, scanned.value);
            offset = scanned.end;
            continue;
        }
        const previous = tokens[tokens.length - 1]?.kind;
        const startsNumber = DIGIT.test(c) ||
            (c === '.' && DIGIT.test(at(offset + 1)) && (previous === undefined || !ENDS_OPERAND.has(previous))) ||
            ((c === '-' || c === '+') && (DIGIT.test(at(offset + 1)) || at(offset + 1) === '.' || text.startsWith('Infinity', offset + 1)));
        if (startsNumber) {
            const scanned = scanNumber(text, start, to);
            if (scanned === null)
                return fail(`invalid number '${text.slice(start, wordEnd(text, start, to))}'`, start);
            push('number', start, scanned.end, scanned.value);
            offset = scanned.end;
            continue;
        }
        if (IDENTIFIER_START.test(c)) {
            let end = offset + 1;
            while (end < to && IDENTIFIER_PART.test(at(end)))
                end++;
            const word = text.slice(start, end);
            const afterDot = previous === '.';
            if (!afterDot && (word === 'true' || word === 'false' || word === 'null'))
                push(word, start, end);
            else if (!afterDot && word === 'NaN')
                push('number', start, end, NaN);
            else if (!afterDot && word === 'Infinity')
                push('number', start, end, Infinity);
            else
                push('identifier', start, end);
            offset = end;
            continue;
        }
        const pair = TWO_CHAR_OPERATORS.get(c + at(offset + 1));
        if (pair !== undefined) {
            push(pair, start, start + 2);
            offset += 2;
            continue;
        }
        if (c === '.') {
            push('.', start, start + 1);
            offset++;
            continue;
        }
        const single = ONE_CHAR_OPERATORS.get(c);
        if (single !== undefined) {
            push(single, start, start + 1);
            offset++;
            continue;
        }
        const meant = HALF_OPERATORS.get(c);
        if (meant !== undefined)
            return fail(`unexpected '${c}' (did you mean '${meant}'?)`, start);
        if (c === '-' || c === '+')
            return fail(`unexpected '${c}': expressions have no arithmetic`, start);
        return fail(`unexpected character '${describeChar(text, start)}'`, start);
    }
    push('end', to, to);
    return ok(tokens);
}
/** A `'…'` literal; `''` inside stands for one quote. Null when the closing quote is missing. */
function scanString(text, start, to) {
    let value = '';
    let i = start + 1;
    while (i < to) {
        const c = text[i] ?? '';
        if (c === "'") {
            if (i + 1 < to && text[i + 1] === "'") {
                value += "'";
                i += 2;
                continue;
            }
            return { end: i + 1, value };
        }
        value += c;
        i++;
    }
    return null;
}
/** Decimal (with fraction and exponent), hex (`0xff`) or signed `Infinity`; null when malformed. */
function scanNumber(text, start, to) {
    let i = start;
    let sign = 1;
    if (text[i] === '-' || text[i] === '+') {
        sign = text[i] === '-' ? -1 : 1;
        i++;
    }
    if (text.startsWith('Infinity', i) && i + 8 <= to) {
        const end = i + 8;
        return end < to && IDENTIFIER_PART.test(text[end] ?? '') ? null : { end, value: sign * Infinity };
    }
    if (text[i] === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
        let end = i + 2;
        while (end < to && HEX_DIGIT.test(text[end] ?? ''))
            end++;
        if (end === i + 2 || (end < to && IDENTIFIER_PART.test(text[end] ?? '')))
            return null;
        return { end, value: sign * Number.parseInt(text.slice(i + 2, end), 16) };
    }
    let digits = 0;
    while (i < to && DIGIT.test(text[i] ?? '')) {
        i++;
        digits++;
    }
    if (text[i] === '.' && i < to) {
        i++;
        while (i < to && DIGIT.test(text[i] ?? '')) {
            i++;
            digits++;
        }
    }
    if (digits === 0)
        return null;
    if ((text[i] === 'e' || text[i] === 'E') && i < to) {
        i++;
        if ((text[i] === '+' || text[i] === '-') && i < to)
            i++;
        const exponentStart = i;
        while (i < to && DIGIT.test(text[i] ?? ''))
            i++;
        if (i === exponentStart)
            return null;
    }
    if (i < to && IDENTIFIER_PART.test(text[i] ?? ''))
        return null;
    return { end: i, value: Number(text.slice(start, i)) };
}
function wordEnd(text, start, to) {
    let end = start + 1;
    while (end < to && /[A-Za-z0-9_.+-]/.test(text[end] ?? ''))
        end++;
    return end;
}
/** The offending character as a reader would want to see it (control characters escaped). */
function describeChar(text, offset) {
    const code = text.codePointAt(offset) ?? 0;
    const char = String.fromCodePoint(code);
    return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : char;
}

;// CONCATENATED MODULE: ./src/definition/expressions/parser.ts



/** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
const MAX_NESTING = 64;
/** Longer expressions are refused for the same reason (a chain of `||` nests in the tree). */
const MAX_TOKENS = 4000;
const COMPARISON_OPERATORS = new Set(['<', '<=', '>', '>=']);
const EQUALITY_OPERATORS = new Set(['==', '!=']);
/**
 * Parses one expression. A `${{ … }}` around the whole text is accepted; columns in errors and offsets in
 * the tree always refer to `text` as given. Never throws: a syntax error comes back as `{message, column}`
 * with a 1-based column between 1 and `text.length + 1`.
 */
function parser_parseExpression(text, options) {
    const range = expressionRange(text);
    if (!range.ok)
        return range;
    const tokens = tokenize(text, range.value.from, range.value.to);
    if (!tokens.ok)
        return tokens;
    const tooMany = tokens.value[MAX_TOKENS];
    if (tooMany !== undefined)
        return err({ message: `the expression is too long (more than ${MAX_TOKENS} tokens)`, column: tooMany.start + 1 });
    const parser = new Parser(tokens.value, options);
    return parser.parseWhole();
}
/** The part of `text` holding the expression: inside a `${{ }}` that wraps all of it, else all of it. */
function expressionRange(text) {
    const from = text.length - text.trimStart().length;
    const to = text.trimEnd().length;
    if (!text.startsWith('${{', from))
        return ok({ from: 0, to: text.length });
    if (to - from < 5 || !text.startsWith('}}', to - 2)) {
        return err({ message: "'${{' is not closed by '}}'", column: from + 1 });
    }
    return ok({ from: from + 3, to: to - 2 });
}
/** Raised inside the parser only, and turned into an error value at its boundary. */
class SyntaxFailure {
    error;
    constructor(error) {
        this.error = error;
    }
}
class Parser {
    #tokens;
    #options;
    #roots;
    #position = 0;
    #nesting = 0;
    constructor(tokens, options) {
        this.#tokens = tokens;
        this.#options = options;
        this.#roots = new Map(options.roots.map((name) => [name.toLowerCase(), name]));
    }
    parseWhole() {
        try {
            const first = this.#peek();
            if (first.kind === 'end')
                this.#fail('the expression is empty', first);
            const keyword = this.#wholeConditionKeyword();
            if (keyword)
                return ok(keyword);
            const node = this.#parseOr();
            const rest = this.#peek();
            if (rest.kind !== 'end')
                this.#fail(`unexpected ${describe(rest)} after a complete expression`, rest);
            return ok(node);
        }
        catch (failure) {
            if (failure instanceof SyntaxFailure)
                return err(failure.error);
            throw failure;
        }
    }
    /** The seed's bare `always` / `never`, which only ever stand alone. */
    #wholeConditionKeyword() {
        const [first, second] = this.#tokens;
        if (!this.#options.seedForms || first?.kind !== 'identifier' || second?.kind !== 'end')
            return null;
        const word = first.text.toLowerCase();
        if (word !== 'always' && word !== 'never')
            return null;
        return { kind: 'keyword', keyword: word, start: first.start, end: first.end };
    }
    #parseOr() {
        let left = this.#parseAnd();
        while (this.#peek().kind === '||') {
            this.#advance();
            const right = this.#parseAnd();
            left = { kind: 'logical', operator: '||', left, right, start: left.start, end: right.end };
        }
        return left;
    }
    #parseAnd() {
        let left = this.#parseEquality();
        while (this.#peek().kind === '&&') {
            this.#advance();
            const right = this.#parseEquality();
            left = { kind: 'logical', operator: '&&', left, right, start: left.start, end: right.end };
        }
        return left;
    }
    #parseEquality() {
        let left = this.#parseComparison();
        while (EQUALITY_OPERATORS.has(this.#peek().kind)) {
            const operator = this.#advance().kind;
            const right = this.#parseComparison();
            left = { kind: 'comparison', operator, left, right, start: left.start, end: right.end };
        }
        return left;
    }
    #parseComparison() {
        let left = this.#parseUnary();
        while (COMPARISON_OPERATORS.has(this.#peek().kind)) {
            const operator = this.#advance().kind;
            const right = this.#parseUnary();
            left = { kind: 'comparison', operator, left, right, start: left.start, end: right.end };
        }
        return left;
    }
    #parseUnary() {
        const bang = this.#peek();
        if (bang.kind !== '!')
            return this.#parsePostfix();
        this.#advance();
        const operand = this.#nested(bang, () => this.#parseUnary());
        return { kind: 'not', operand, start: bang.start, end: operand.end };
    }
    #parsePostfix() {
        let node = this.#parsePrimary();
        for (;;) {
            const token = this.#peek();
            if (token.kind === '.') {
                this.#advance();
                const name = this.#advance();
                if (name.kind === '*')
                    node = { kind: 'filter', object: node, start: node.start, end: name.end };
                else if (name.kind === 'identifier') {
                    node = { kind: 'property', object: node, name: name.text, nameStart: name.start, start: node.start, end: name.end };
                }
                else
                    this.#fail(`expected a property name after '.', found ${describe(name)}`, name);
            }
            else if (token.kind === '[') {
                this.#advance();
                const object = node;
                if (this.#peek().kind === '*') {
                    this.#advance();
                    const close = this.#expect(']', token);
                    node = { kind: 'filter', object, start: object.start, end: close.end };
                }
                else {
                    const index = this.#nested(token, () => this.#parseOr());
                    const close = this.#expect(']', token);
                    node = { kind: 'index', object, index, start: object.start, end: close.end };
                }
            }
            else {
                return node;
            }
        }
    }
    #parsePrimary() {
        const token = this.#advance();
        switch (token.kind) {
            case 'string':
            case 'number':
                return { kind: 'literal', value: token.value ?? null, start: token.start, end: token.end };
            case 'true':
            case 'false':
                return { kind: 'literal', value: token.kind === 'true', start: token.start, end: token.end };
            case 'null':
                return { kind: 'literal', value: null, start: token.start, end: token.end };
            case '(': {
                const inner = this.#nested(token, () => this.#parseOr());
                this.#expect(')', token);
                return inner;
            }
            case 'identifier':
                return this.#peek().kind === '(' ? this.#parseCall(token) : this.#parseName(token);
            case 'end':
                return this.#fail('the expression ends early: an operand is missing', token);
            default:
                return this.#fail(`unexpected ${describe(token)}`, token);
        }
    }
    /** A bare name: one of the allowed roots, or a mistake worth explaining. */
    #parseName(token) {
        const lower = token.text.toLowerCase();
        const root = this.#roots.get(lower);
        if (root !== undefined)
            return { kind: 'root', name: root, start: token.start, end: token.end };
        if (this.#options.seedForms && (lower === 'always' || lower === 'never')) {
            const hint = lower === 'always' ? '; inside an expression write always()' : '';
            return this.#fail(`'${token.text}' must be the whole condition${hint}`, token);
        }
        if (lookupStatusFunction(lower) || lookupBuiltin(lower) || lookupStepStatusFunction(lower)) {
            return this.#fail(`'${token.text}' is a function: call it as ${token.text}(…)`, token);
        }
        const allowed = this.#options.roots.length > 0 ? `; expected one of: ${this.#options.roots.join(', ')}` : '';
        return this.#fail(`unknown name '${token.text}'${allowed}`, token);
    }
    #parseCall(name) {
        const open = this.#advance();
        const builtin = lookupBuiltin(name.text);
        if (builtin !== undefined) {
            const args = this.#nested(open, () => this.#parseArguments(open));
            const close = this.#previous();
            const arity = arityOf(builtin);
            if (args.length < arity.min || args.length > arity.max) {
                const unbounded = arity.max > 100;
                const expected = arity.min === arity.max ? `${arity.min}` : unbounded ? `at least ${arity.min}` : `${arity.min} to ${arity.max}`;
                const plural = (unbounded ? arity.min : arity.max) === 1 ? '' : 's';
                this.#fail(`${builtin}() takes ${expected} argument${plural}, got ${args.length}`, name);
            }
            return { kind: 'call', name: builtin, args, start: name.start, end: close.end };
        }
        const status = lookupStatusFunction(name.text);
        if (status !== undefined && this.#options.statusFunctions !== false) {
            const close = this.#advance();
            if (close.kind !== ')')
                this.#fail(`${status}() takes no arguments`, close);
            return { kind: 'statusCall', name: status, start: name.start, end: close.end };
        }
        const stepStatus = lookupStepStatusFunction(name.text);
        if (stepStatus !== undefined && this.#options.seedForms) {
            const steps = this.#parseStepIds(stepStatus, open);
            return { kind: 'stepStatusCall', name: stepStatus, steps, start: name.start, end: this.#previous().end };
        }
        const where = status !== undefined || stepStatus !== undefined ? ' here' : '';
        return this.#fail(`unknown function '${name.text}'${where}`, name);
    }
    /** Comma-separated expressions up to the closing parenthesis (already past the opening one). */
    #parseArguments(open) {
        const args = [];
        if (this.#peek().kind === ')') {
            this.#advance();
            return args;
        }
        for (;;) {
            args.push(this.#parseOr());
            const next = this.#advance();
            if (next.kind === ')')
                return args;
            if (next.kind !== ',')
                this.#fail(`expected ',' or ')' after an argument, found ${describe(next)}`, next, open);
        }
    }
    /** `on_success(a, b-2, c)`: bare step ids only. */
    #parseStepIds(name, open) {
        const ids = [];
        for (;;) {
            const id = this.#advance();
            if (id.kind !== 'identifier') {
                const quoted = id.kind === 'string' ? ` (write the id without quotes: ${name}(${String(id.value)}))` : '';
                this.#fail(`${name}() takes step ids, found ${describe(id)}${quoted}`, id, open);
            }
            ids.push({ id: id.text, start: id.start, end: id.end });
            const next = this.#advance();
            if (next.kind === ')')
                return ids;
            if (next.kind !== ',')
                this.#fail(`expected ',' or ')' after a step id, found ${describe(next)}`, next, open);
        }
    }
    #nested(at, parse) {
        if (++this.#nesting > MAX_NESTING)
            this.#fail(`the expression nests deeper than ${MAX_NESTING} levels`, at);
        const result = parse();
        this.#nesting--;
        return result;
    }
    #expect(kind, opener) {
        const token = this.#advance();
        if (token.kind !== kind)
            this.#fail(`expected '${kind}' to close the '${opener.text}' at column ${opener.start + 1}, found ${describe(token)}`, token);
        return token;
    }
    #peek() {
        return this.#tokens[this.#position] ?? this.#last();
    }
    #previous() {
        return this.#tokens[this.#position - 1] ?? this.#last();
    }
    #advance() {
        const token = this.#peek();
        if (this.#position < this.#tokens.length - 1)
            this.#position++;
        return token;
    }
    #last() {
        const last = this.#tokens[this.#tokens.length - 1];
        if (last === undefined)
            throw new Error('tokenize always ends with an end token');
        return last;
    }
    /** Stops parsing with an error at `token`; at the end of input, `opener` (if given) says what was left open. */
    #fail(message, token, opener) {
        const unclosed = token.kind === 'end' && opener !== undefined ? ` ('${opener.text}' at column ${opener.start + 1} is not closed)` : '';
        throw new SyntaxFailure({ message: message + unclosed, column: token.start + 1 });
    }
}
function describe(token) {
    switch (token.kind) {
        case 'end':
            return 'the end of the expression';
        case 'string':
            return `string ${token.text}`;
        case 'number':
            return `number ${token.text}`;
        default:
            return `'${token.text}'`;
    }
}

;// CONCATENATED MODULE: ./src/definition/expressions/printer.ts
/**
 * Prints a parsed expression back as text that parses to the same tree (up to grouping). Binary
 * operations are always parenthesized, so the output never depends on precedence rules.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Canonical text for `node`; `parseExpression(printExpression(node))` evaluates to the same value. */
function printExpression(node) {
    switch (node.kind) {
        case 'literal':
            return printLiteral(node.value);
        case 'keyword':
            return node.keyword;
        case 'root':
            return node.name;
        case 'property':
            return IDENTIFIER.test(node.name)
                ? `${printOperand(node.object)}.${node.name}`
                : `${printOperand(node.object)}[${printLiteral(node.name)}]`;
        case 'index':
            return `${printOperand(node.object)}[${printExpression(node.index)}]`;
        case 'filter':
            return `${printOperand(node.object)}.*`;
        case 'not':
            return `!${printExpression(node.operand)}`;
        case 'logical':
        case 'comparison':
            return `(${printExpression(node.left)} ${node.operator} ${printExpression(node.right)})`;
        case 'call':
            return `${node.name}(${node.args.map(printExpression).join(', ')})`;
        case 'statusCall':
            return `${node.name}()`;
        case 'stepStatusCall':
            return `${node.name}(${node.steps.map((step) => step.id).join(', ')})`;
        default:
            return unreachable(node);
    }
}
/**
 * A node that a `.` or `[` applies to: a literal gets parentheses so its `.` is not read as a decimal
 * point, and a negation so the postfix does not bind to its operand instead.
 */
function printOperand(node) {
    return node.kind === 'literal' || node.kind === 'not' ? `(${printExpression(node)})` : printExpression(node);
}
/** A literal as the lexer reads it back, -0 and the non-finite numbers included. */
function printLiteral(value) {
    if (typeof value === 'string')
        return `'${value.replaceAll("'", "''")}'`;
    if (typeof value === 'number')
        return Object.is(value, -0) ? '-0' : String(value);
    return String(value);
}

;// CONCATENATED MODULE: ./src/definition/expressions/evaluator.ts




/** Raised inside the evaluator only, and turned into an error value at its boundary. */
class EvaluationFailure {
    error;
    constructor(error) {
        this.error = error;
    }
}
/**
 * Evaluates `ast` with `roots` as the named values (`{ steps: …, env: … }`; a root absent here is null).
 * Returns the expression's JS value (null, boolean, number, string, array or object). Never throws.
 */
function evaluator_evaluateExpression(ast, roots, statusFunctions) {
    try {
        return ok(new Evaluation(roots, statusFunctions).evaluate(ast));
    }
    catch (failure) {
        if (failure instanceof EvaluationFailure)
            return err(failure.error);
        throw failure;
    }
}
class Evaluation {
    #roots;
    #status;
    /** Arrays made by `*`: a property access on one of them applies to each element. */
    #filtered = new WeakSet();
    constructor(roots, status) {
        this.#roots = roots;
        this.#status = status;
    }
    evaluate(node) {
        switch (node.kind) {
            case 'literal':
                return node.value;
            case 'keyword':
                return node.keyword === 'always';
            case 'root':
                return readProperty(this.#roots, node.name) ?? null;
            case 'property':
                return this.#access(this.evaluate(node.object), node.name);
            case 'index': {
                const object = this.evaluate(node.object);
                return this.#access(object, this.evaluate(node.index));
            }
            case 'filter':
                return this.#filter(this.evaluate(node.object));
            case 'not':
                return !values_isTruthy(this.evaluate(node.operand));
            case 'logical': {
                const left = this.evaluate(node.left);
                const decided = node.operator === '&&' ? !values_isTruthy(left) : values_isTruthy(left);
                return decided ? left : this.evaluate(node.right);
            }
            case 'comparison': {
                const left = this.evaluate(node.left);
                const right = this.evaluate(node.right);
                const operator = node.operator;
                switch (operator) {
                    case '==':
                        return looseEquals(left, right);
                    case '!=':
                        return !looseEquals(left, right);
                    case '<':
                    case '<=':
                    case '>':
                    case '>=':
                        return looseCompare(operator, left, right);
                    default:
                        return unreachable_unreachable(operator);
                }
            }
            case 'call': {
                const result = callBuiltin(node.name, node.args.map((arg) => this.evaluate(arg)));
                if (!result.ok)
                    throw new EvaluationFailure({ message: result.error, column: node.start + 1 });
                return result.value;
            }
            case 'statusCall':
                return node.name === 'always' ? true : this.#statusOf(node.name, node.start);
            case 'stepStatusCall': {
                const status = this.#requireStatus(node.name, node.start);
                const ids = node.steps.map((step) => step.id);
                const name = node.name;
                switch (name) {
                    case 'on_success':
                        return ids.every((id) => status.stepSucceeded(id));
                    case 'on_failure':
                        return ids.some((id) => status.stepFailed(id));
                    case 'on_completion':
                        return ids.every((id) => status.stepCompleted(id));
                    default:
                        return unreachable_unreachable(name);
                }
            }
            default:
                return unreachable_unreachable(node);
        }
    }
    #statusOf(name, start) {
        const status = this.#requireStatus(name, start);
        switch (name) {
            case 'success':
                return status.success();
            case 'failure':
                return status.failure();
            case 'cancelled':
                return status.cancelled();
            default:
                return unreachable_unreachable(name);
        }
    }
    #requireStatus(name, start) {
        if (this.#status === undefined)
            throw new EvaluationFailure({ message: `${name}() has no meaning here`, column: start + 1 });
        return this.#status;
    }
    /** `object.key` / `object[key]`: null when there is nothing there; mapped over a filtered array. */
    #access(object, key) {
        if (!Array.isArray(object) || !this.#filtered.has(object))
            return accessOne(object, key) ?? null;
        const mapped = [];
        for (const item of object) {
            const value = accessOne(item, key);
            if (value !== undefined)
                mapped.push(value);
        }
        return this.#markFiltered(mapped);
    }
    /** `object.*`: the values of an object or array; over a filtered array, the values of each element. */
    #filter(object) {
        if (Array.isArray(object) && this.#filtered.has(object)) {
            return this.#markFiltered(object.flatMap((item) => valuesOf(item)));
        }
        return this.#markFiltered(valuesOf(object));
    }
    #markFiltered(values) {
        this.#filtered.add(values);
        return values;
    }
}
function valuesOf(value) {
    switch (kindOf(value)) {
        case 'array':
            return [...value];
        case 'object':
            return Object.keys(value).map((key) => readProperty(value, key) ?? null);
        default:
            return [];
    }
}
/** One property or element, or undefined when absent. Only own properties count. */
function accessOne(object, key) {
    if (!isPrimitive(key))
        return undefined;
    switch (kindOf(object)) {
        case 'object':
            return readProperty(object, toExpressionString(key));
        case 'array': {
            const index = toNumber(key);
            return Number.isFinite(index) && index >= 0 ? object[Math.floor(index)] : undefined;
        }
        default:
            return undefined;
    }
}
/**
 * An own property by exact name, else by a case-insensitive match (GitHub's lookups ignore case); undefined
 * when absent. Never the prototype's: `context.constructor` is null, not a function.
 */
function readProperty(object, name) {
    const folded = name.toLowerCase();
    const key = Object.hasOwn(object, name) ? name : Object.keys(object).find((candidate) => candidate.toLowerCase() === folded);
    const value = key === undefined ? undefined : object[key];
    return value;
}

;// CONCATENATED MODULE: ./src/definition/conditions.ts





/** The names a step condition may start from. */
const conditions_CONDITION_ROOTS = ['steps', 'context', 'parameters', 'env', 'workflow', 'matrix'];
/** The names an alert condition may start from (`step.duration > 600000`). */
const ALERT_ROOTS = ['step', 'workflow', 'context', 'env'];
/**
 * Parses a step condition: `always`, `never`, `on_success(a, b)`, `on_failure(a)`, `on_completion(a)`, or
 * a GitHub expression (optionally inside `${{ }}`) over CONDITION_ROOTS, the seed forms mixed in freely.
 * Unknown names and functions are syntax errors at their column.
 */
function parseCondition(text) {
    const parsed = parser_parseExpression(text, { roots: conditions_CONDITION_ROOTS, seedForms: true, statusFunctions: true });
    if (!parsed.ok)
        return parsed;
    const ast = parsed.value;
    return ok({ source: text, stepRefs: collectStepRefs(ast), usesStatusFunction: mentionsStatusFunction(ast), ast });
}
/**
 * Parses an alert condition over ALERT_ROOTS. No status functions or seed forms: an alert is judged
 * while steps run, not on how they ended. `stepRefs` is empty and `usesStatusFunction` false.
 */
function parseAlertCondition(text) {
    const parsed = parser_parseExpression(text, { roots: ALERT_ROOTS, seedForms: false, statusFunctions: false });
    if (!parsed.ok)
        return parsed;
    return ok({ source: text, stepRefs: [], usesStatusFunction: false, ast: parsed.value });
}
/** Whether an alert condition holds; an evaluation error (e.g. bad JSON for fromJSON) counts as false. */
function evaluateAlertCondition(condition, values) {
    const ast = astOf(condition);
    if (!ast.ok)
        return false;
    const value = evaluateExpression(ast.value, { ...values });
    return value.ok && isTruthy(value.value);
}
/**
 * Judges a step condition (SPEC §4). A condition without a status function is ANDed with
 * `ctx.dependenciesSatisfied`, as GitHub's `if:` is. An evaluation error (fromJSON of bad JSON, a bad
 * format string) counts as false; evaluateConditionDetailed says what it was.
 */
function evaluateCondition(condition, ctx) {
    const result = evaluateConditionDetailed(condition, ctx);
    return result.ok && result.value;
}
/** evaluateCondition, with an evaluation error returned instead of read as false. */
function evaluateConditionDetailed(condition, ctx) {
    const ast = astOf(condition);
    if (!ast.ok)
        return ast;
    const value = evaluator_evaluateExpression(ast.value, conditionRootValues(ctx), statusFunctionsFor(ctx));
    if (!value.ok)
        return value;
    const holds = values_isTruthy(value.value);
    return ok(condition.usesStatusFunction ? holds : holds && ctx.dependenciesSatisfied);
}
/**
 * Whether a step with this condition is cleanup that still runs after a (first) cancel: the condition
 * names `always`, `always()` or `cancelled()` other than under a negation (`!cancelled()` is not cleanup).
 * The engine still evaluates the condition before running it.
 */
function isCleanupCondition(condition) {
    const ast = astOf(condition);
    return ast.ok && hasCleanupMarker(ast.value, false);
}
/**
 * The values of the condition roots for `ctx`: `steps.<id>` as stepContextValue, `workflow.name`, and
 * `context`, `parameters`, `env`, `matrix` as given. Also what `${{ }}` in environment, workingDirectory
 * and command should be evaluated against (see createTemplateEvaluator in substitution.ts).
 */
function conditionRootValues(ctx) {
    // A step may be called `__proto__`: on a plain object that assignment would set the prototype instead.
    let steps = ctx.stepValues;
    if (!steps) {
        const built = Object.create(null);
        for (const [id, facts] of Object.entries(ctx.steps))
            built[id] = stepContextValue(facts);
        steps = built;
    }
    return {
        steps,
        context: ctx.context,
        parameters: ctx.parameters,
        env: ctx.env,
        workflow: { name: ctx.workflow.name },
        matrix: ctx.matrix ?? null,
    };
}
/** How a step's facts read as `steps.<id>` (outcome/conclusion in GitHub's words). */
function stepContextValue(facts) {
    const outcome = outcomeOf(facts.status);
    const conclusion = outcome === 'failure' && facts.continueOnError ? 'success' : outcome;
    return {
        status: facts.status,
        outcome,
        conclusion,
        outputs: facts.outputs,
        exitCode: facts.exitCode,
        duration: facts.duration,
        attempts: facts.attempts,
        timedOut: facts.timedOut,
    };
}
function outcomeOf(status) {
    switch (status) {
        case 'completed':
            return 'success';
        case 'failed':
            return 'failure';
        case 'skipped':
            return 'skipped';
        case 'cancelled':
            return 'cancelled';
        case 'pending':
        case 'running':
            return null;
        default:
            return unreachable_unreachable(status);
    }
}
function statusFunctionsFor(ctx) {
    const failed = (facts) => facts !== undefined && (facts.status === 'failed' || facts.timedOut);
    return {
        success: () => ctx.dependenciesSatisfied,
        failure: () => ctx.upstreamFailed,
        cancelled: () => ctx.cancelled,
        stepSucceeded: (id) => {
            const facts = stepFacts(ctx, id);
            return facts !== undefined && (facts.status === 'completed' || (failed(facts) && facts.continueOnError));
        },
        stepFailed: (id) => failed(stepFacts(ctx, id)),
        stepCompleted: (id) => {
            const facts = stepFacts(ctx, id);
            return facts !== undefined && (facts.status === 'completed' || failed(facts));
        },
    };
}
function stepFacts(ctx, id) {
    return Object.hasOwn(ctx.steps, id) ? ctx.steps[id] : undefined;
}
/** The tree inside a Condition; a Condition made elsewhere by hand is refused rather than trusted. */
function astOf(condition) {
    const ast = condition.ast;
    if (typeof ast === 'object' && ast !== null && 'kind' in ast && typeof ast.kind === 'string')
        return ok(ast);
    return err({ message: 'the condition was not made by parseCondition', column: 1 });
}
/** Every step an expression names, in source order: on_*(ids), `steps.<id>`, `steps['<id>']`. */
function collectStepRefs(ast) {
    const refs = [];
    const stepsRoot = (node) => node.kind === 'root' && node.name === 'steps';
    visit(ast, (node) => {
        if (node.kind === 'stepStatusCall') {
            for (const step of node.steps)
                refs.push({ id: step.id, column: step.start + 1 });
        }
        else if (node.kind === 'property' && stepsRoot(node.object)) {
            refs.push({ id: node.name, column: node.nameStart + 1 });
        }
        else if (node.kind === 'index' && stepsRoot(node.object) && node.index.kind === 'literal' && typeof node.index.value === 'string') {
            // Point past the opening quote, at the id itself.
            refs.push({ id: node.index.value, column: node.index.start + 2 });
        }
    });
    return refs.sort((a, b) => a.column - b.column);
}
/** `never` counts too: it replaces the default "dependencies satisfied" rule like a status function does. */
function mentionsStatusFunction(ast) {
    let found = false;
    visit(ast, (node) => {
        if (node.kind === 'statusCall' || node.kind === 'stepStatusCall' || node.kind === 'keyword')
            found = true;
    });
    return found;
}
function hasCleanupMarker(node, negated) {
    switch (node.kind) {
        case 'keyword':
            return !negated && node.keyword === 'always';
        case 'statusCall':
            return !negated && (node.name === 'always' || node.name === 'cancelled');
        case 'not':
            return hasCleanupMarker(node.operand, !negated);
        case 'logical':
        case 'comparison':
            return hasCleanupMarker(node.left, negated) || hasCleanupMarker(node.right, negated);
        case 'call':
            return node.args.some((arg) => hasCleanupMarker(arg, negated));
        case 'property':
        case 'filter':
            return hasCleanupMarker(node.object, negated);
        case 'index':
            return hasCleanupMarker(node.object, negated) || hasCleanupMarker(node.index, negated);
        case 'literal':
        case 'root':
        case 'stepStatusCall':
            return false;
        default:
            return unreachable_unreachable(node);
    }
}
/** Calls `visitor` on every node, parents before children, left to right. */
function visit(node, visitor) {
    visitor(node);
    for (const child of childrenOf(node))
        visit(child, visitor);
}
function childrenOf(node) {
    switch (node.kind) {
        case 'literal':
        case 'root':
        case 'keyword':
        case 'statusCall':
        case 'stepStatusCall':
            return [];
        case 'property':
        case 'filter':
            return [node.object];
        case 'index':
            return [node.object, node.index];
        case 'not':
            return [node.operand];
        case 'logical':
        case 'comparison':
            return [node.left, node.right];
        case 'call':
            return node.args;
        default:
            return unreachable_unreachable(node);
    }
}

;// CONCATENATED MODULE: ./src/definition/expressions/shell-context.ts
/**
 * Tells, for given offsets in a bash/sh command, what quoting surrounds them: unquoted, inside "…",
 * inside '…' or $'…', right after a backslash, or inside a heredoc body. substitution.ts uses it to put a
 * `${{ }}` value into the command as an environment-variable reference that is valid where it stands.
 *
 * This is a quoting scanner, not a shell parser: it follows quotes, escapes, `$(…)`, backticks, arithmetic,
 * comments and heredocs, which is all that decides how a `$NAME` at a point would be read.
 */
const WORD_BREAK = /[\s;&|()<>]/;
/**
 * The quoting at each offset in `points`. `command` has each substitution already collapsed to one
 * placeholder character at its point, read as an ordinary word character.
 */
function quotingAt(command, points) {
    const wanted = new Set(points);
    const found = new Map();
    const stack = [{ kind: 'code', closer: null, parens: 0 }];
    const pending = [];
    const record = (at, quoting) => {
        if (wanted.has(at) && !found.has(at))
            found.set(at, quoting);
    };
    const atWordStart = (at) => at === 0 || WORD_BREAK.test(command[at - 1] ?? ' ');
    let i = 0;
    while (i < command.length) {
        const c = command[i] ?? '';
        const top = stack[stack.length - 1] ?? { kind: 'code', closer: null, parens: 0 };
        const inArithmetic = stack.some((frame) => frame.kind === 'code' && frame.arithmetic === true);
        if (wanted.has(i)) {
            record(i, inArithmetic ? { kind: 'arithmetic' } : top.kind === 'code' ? { kind: 'unquoted' } : { kind: top.kind });
            i++;
            continue;
        }
        switch (top.kind) {
            case 'single':
                if (c === "'")
                    stack.pop();
                i++;
                continue;
            case 'ansi':
                if (c === '\\') {
                    record(i + 1, { kind: 'escaped' });
                    i += 2;
                }
                else {
                    if (c === "'")
                        stack.pop();
                    i++;
                }
                continue;
            case 'double':
                if (c === '\\') {
                    record(i + 1, { kind: 'escaped' });
                    i += 2;
                }
                else if (c === '"') {
                    stack.pop();
                    i++;
                }
                else if (c === '$' && command[i + 1] === '(') {
                    stack.push({ kind: 'code', closer: ')', parens: 0, arithmetic: command[i + 2] === '(' });
                    i += 2;
                }
                else if (c === '`') {
                    stack.push({ kind: 'code', closer: '`', parens: 0 });
                    i++;
                }
                else {
                    i++;
                }
                continue;
            case 'code':
                break;
        }
        // Unquoted code.
        if (c === '\\') {
            record(i + 1, { kind: 'escaped' });
            i += 2;
        }
        else if (c === "'") {
            stack.push({ kind: 'single' });
            i++;
        }
        else if (c === '$' && command[i + 1] === "'") {
            stack.push({ kind: 'ansi' });
            i += 2;
        }
        else if (c === '"') {
            stack.push({ kind: 'double' });
            i++;
        }
        else if (c === '$' && command[i + 1] === '(') {
            stack.push({ kind: 'code', closer: ')', parens: 0, arithmetic: command[i + 2] === '(' });
            i += 2;
        }
        else if (c === '(' && command[i + 1] === '(' && atWordStart(i)) {
            // The `((` arithmetic command; its second `(` is counted as an inner parenthesis.
            stack.push({ kind: 'code', closer: ')', parens: 0, arithmetic: true });
            i++;
        }
        else if (c === '(') {
            top.parens++;
            i++;
        }
        else if (c === ')') {
            if (top.parens > 0)
                top.parens--;
            else if (top.closer === ')')
                stack.pop();
            i++;
        }
        else if (c === '`') {
            if (top.closer === '`')
                stack.pop();
            else
                stack.push({ kind: 'code', closer: '`', parens: 0 });
            i++;
        }
        else if (c === '#' && atWordStart(i)) {
            // A comment runs to the end of the line; a substitution there stays harmless when unquoted.
            while (i < command.length && command[i] !== '\n') {
                record(i, { kind: 'unquoted' });
                i++;
            }
        }
        else if (c === '<' && command[i + 1] === '<' && command[i + 2] !== '<' && !inArithmetic) {
            const heredoc = readHeredocOperator(command, i + 2, wanted);
            if (heredoc.pending)
                pending.push(heredoc.pending);
            i = heredoc.end;
        }
        else if (c === '\n' && pending.length > 0) {
            i = skipHeredocBodies(command, i + 1, pending.splice(0), wanted, record);
        }
        else {
            i++;
        }
    }
    return points.map((point) => found.get(point) ?? { kind: 'unquoted' });
}
/** After `<<`: the optional `-`, then the delimiter word; quoted if any part of it was quoted. */
function readHeredocOperator(command, from, substitutions) {
    let i = from;
    const stripTabs = command[i] === '-';
    if (stripTabs)
        i++;
    while (command[i] === ' ' || command[i] === '\t')
        i++;
    let delimiter = '';
    let quoted = false;
    while (i < command.length && !WORD_BREAK.test(command[i] ?? '')) {
        // A delimiter built from a substitution cannot be known before the value is: leave it unparsed.
        if (substitutions.has(i))
            return { end: i };
        const c = command[i] ?? '';
        if (c === "'" || c === '"') {
            quoted = true;
            const close = command.indexOf(c, i + 1);
            const end = close === -1 ? command.length : close;
            delimiter += command.slice(i + 1, end);
            i = end + 1;
        }
        else if (c === '\\') {
            quoted = true;
            delimiter += command[i + 1] ?? '';
            i += 2;
        }
        else {
            delimiter += c;
            i++;
        }
    }
    return delimiter === '' ? { end: i } : { pending: { delimiter, quoted, stripTabs }, end: i };
}
/** Skips the bodies of the heredocs opened on the line just ended, recording substitutions inside them. */
function skipHeredocBodies(command, from, heredocs, substitutions, record) {
    let i = from;
    for (const heredoc of heredocs) {
        const body = { kind: 'heredoc', ...heredoc };
        while (i < command.length) {
            const newline = command.indexOf('\n', i);
            const lineEnd = newline === -1 ? command.length : newline;
            let hasSubstitution = false;
            for (let at = i; at < lineEnd; at++) {
                if (substitutions.has(at))
                    hasSubstitution = true;
                record(at, body);
            }
            const line = command.slice(i, lineEnd);
            const terminator = !hasSubstitution && (heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter;
            i = lineEnd + 1;
            if (terminator)
                break;
        }
    }
    return i;
}

;// CONCATENATED MODULE: ./src/definition/substitution.ts







/**
 * Every `${{ … }}` in `text`, in order. The closing `}}` is looked for outside string literals, so
 * `${{ format('{0}}}', x) }}` is one span. A `${{` with no closing `}}` is an error at its column.
 */
function findTemplateExpressions(text) {
    const spans = [];
    let from = 0;
    for (;;) {
        const start = text.indexOf('${{', from);
        if (start === -1)
            return ok(spans);
        const expressionStart = start + 3;
        const close = closingBraces(text, expressionStart);
        if (close === -1)
            return err({ message: "'${{' is not closed by '}}'", column: start + 1 });
        spans.push({ start, end: close + 2, expression: text.slice(expressionStart, close), expressionStart });
        from = close + 2;
    }
}
/** Offset of the `}}` that ends an expression starting at `from`; -1 if none. */
function closingBraces(text, from) {
    let i = from;
    while (i < text.length) {
        const c = text[i];
        if (c === '}' && text[i + 1] === '}')
            return i;
        if (c === "'") {
            const endOfString = closingQuote(text, i + 1);
            // An unterminated string: fall back to the first `}}`, and let the parser report the string.
            if (endOfString === -1)
                return text.indexOf('}}', from);
            i = endOfString + 1;
        }
        else {
            i++;
        }
    }
    return -1;
}
function closingQuote(text, from) {
    for (let i = from; i < text.length; i++) {
        if (text[i] !== "'")
            continue;
        if (text[i + 1] === "'")
            i++;
        else
            return i;
    }
    return -1;
}
/**
 * Every syntax problem of the `${{ }}` spans in `text` (an unclosed `${{`, or a span that does not parse
 * over `allowedRoots`), each at its 1-based column in `text`: what the validator reports before anything runs.
 */
function checkTemplateText(text, allowedRoots = CONDITION_ROOTS) {
    const spans = findTemplateExpressions(text);
    if (!spans.ok)
        return [spans.error];
    const problems = [];
    for (const span of spans.value) {
        const parsed = parseExpression(span.expression, { roots: allowedRoots, seedForms: false, statusFunctions: false });
        if (!parsed.ok)
            problems.push({ message: parsed.error.message, column: span.expressionStart + parsed.error.column });
    }
    return problems;
}
/**
 * A value as the text that replaces `${{ }}`: null → '', numbers as GitHub prints them, arrays and objects
 * as compact JSON.
 */
function templateValueToString(value) {
    const kind = kindOf(value);
    // GitHub would print 'Array'/'Object'; a value passed on to a step is more use as JSON.
    return kind === 'array' || kind === 'object' ? JSON.stringify(toPlainData(value)) : toExpressionString(value);
}
/** Replaces each `${{ }}` in `text` by its value as text (environment values, workingDirectory). */
function substituteText(text, evaluate) {
    const spans = findTemplateExpressions(text);
    if (!spans.ok)
        return spans;
    let output = '';
    let copied = 0;
    for (const span of spans.value) {
        const value = evaluateSpan(span, evaluate);
        if (!value.ok)
            return value;
        output += text.slice(copied, span.start) + value.value;
        copied = span.end;
    }
    return ok(output + text.slice(copied));
}
/**
 * Replaces each `${{ }}` in a command by a reference to an environment variable holding its value:
 * `"$TASK_EXPR_n"` where it stands unquoted, `${TASK_EXPR_n}` inside double quotes or an unquoted heredoc,
 * `'"$TASK_EXPR_n"'` inside single quotes (close, reference, reopen). Inside a quoted heredoc, where
 * nothing expands, the value goes in as text unless a line of it would end the heredoc. Inside arithmetic
 * (`$(( ))`, `(( ))`) no form is safe, so a `${{ }}` there is an error.
 * Only bash and sh are supported: for pwsh and python a `${{ }}` in the command is an error that points the
 * user to `environment` instead.
 */
function substituteCommand(command, evaluate, shell = 'bash') {
    const found = findTemplateExpressions(command);
    if (!found.ok)
        return found;
    const spans = found.value;
    const first = spans[0];
    if (first === undefined)
        return ok({ command, env: {} });
    if (shell === 'pwsh' || shell === 'python') {
        return err({
            message: `'\${{ }}' in a ${shell} command is not supported: put the value in 'environment' and read it from there`,
            column: first.start + 1,
        });
    }
    const quotings = quotingAt(...collapseSpans(command, spans));
    const env = {};
    let output = '';
    let copied = 0;
    for (const [index, span] of spans.entries()) {
        const value = evaluateSpan(span, evaluate);
        if (!value.ok)
            return value;
        const name = `TASK_EXPR_${index + 1}`;
        const quoting = quotings[index] ?? { kind: 'unquoted' };
        const reference = referenceFor(name, value.value, quoting);
        if (!reference.ok)
            return err({ message: reference.error, column: span.start + 1 });
        if (value.value.includes('\0'))
            return err({ message: 'the value contains a NUL character, which no environment variable can carry', column: span.start + 1 });
        env[name] = value.value;
        output += command.slice(copied, span.start) + reference.value;
        copied = span.end;
    }
    return ok({ command: output + command.slice(copied), env });
}
/** The command with each span collapsed to one placeholder character, and where those characters are. */
function collapseSpans(command, spans) {
    let collapsed = '';
    let copied = 0;
    const points = [];
    for (const span of spans) {
        collapsed += command.slice(copied, span.start);
        points.push(collapsed.length);
        collapsed += 'x';
        copied = span.end;
    }
    return [collapsed + command.slice(copied), points];
}
function referenceFor(name, value, quoting) {
    switch (quoting.kind) {
        case 'unquoted':
            return ok(`"$${name}"`);
        case 'double':
            return ok(`\${${name}}`);
        case 'single':
            return ok(`'"$${name}"'`);
        case 'ansi':
            return ok(`'"$${name}"$'`);
        case 'escaped':
            return err("'${{' right after a backslash cannot be substituted safely: remove the backslash");
        case 'arithmetic':
            return err("'${{ }}' inside $(( )) or (( )) is not safe: bash evaluates the value as an expression (a[$(cmd)] runs cmd); assign it to a variable and check it is a number first");
        case 'heredoc': {
            if (!quoting.quoted)
                return ok(`\${${name}}`);
            const endsHeredoc = value.split('\n').some((line) => (quoting.stripTabs ? line.replace(/^\t+/, '') : line) === quoting.delimiter);
            return endsHeredoc ? err(`the value has a line '${quoting.delimiter}', which would end the heredoc it stands in`) : ok(value);
        }
        default:
            return unreachable_unreachable(quoting);
    }
}
/** Evaluates one span and turns its value into text; an error's column becomes a column in the whole text. */
function evaluateSpan(span, evaluate) {
    const value = evaluate(span);
    if (!value.ok)
        return err({ message: value.error.message, column: span.expressionStart + value.error.column });
    return ok(templateValueToString(value.value));
}
/**
 * A TemplateEvaluator over fixed values: each span is parsed with `roots`' keys as the allowed names
 * (default: the condition roots — steps, context, parameters, env, workflow, matrix) and evaluated against
 * them. No status functions or seed forms. Pair it with conditionRootValues(ctx) from conditions.ts.
 */
function createTemplateEvaluator(roots, allowedRoots = conditions_CONDITION_ROOTS) {
    return (span) => {
        const parsed = parser_parseExpression(span.expression, { roots: allowedRoots, seedForms: false, statusFunctions: false });
        if (!parsed.ok)
            return parsed;
        return evaluator_evaluateExpression(parsed.value, roots);
    };
}

;// CONCATENATED MODULE: ./src/definition/inline-expressions.ts




/** Calls `visit` on `node` and every node below it. */
function walkExpression(node, visit) {
    visit(node);
    switch (node.kind) {
        case 'property':
        case 'filter':
            walkExpression(node.object, visit);
            break;
        case 'index':
            walkExpression(node.object, visit);
            walkExpression(node.index, visit);
            break;
        case 'not':
            walkExpression(node.operand, visit);
            break;
        case 'logical':
        case 'comparison':
            walkExpression(node.left, visit);
            walkExpression(node.right, visit);
            break;
        case 'call':
            for (const arg of node.args)
                walkExpression(arg, visit);
            break;
        default:
            break;
    }
}
/** An expression text for a value: a literal, or `fromJSON('…')` for lists and objects. */
function expressionLiteral(value) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return printLiteral(value);
    return `fromJSON(${printLiteral(JSON.stringify(value))})`;
}
function parseLoosely(text) {
    const parsed = parser_parseExpression(text, { roots: conditions_CONDITION_ROOTS, seedForms: true, statusFunctions: true });
    return parsed.ok ? parsed.value : undefined;
}
function applyReplacements(text, replacements) {
    let output = text;
    for (const r of [...replacements].sort((a, b) => b.start - a.start))
        output = output.slice(0, r.start) + r.text + output.slice(r.end);
    return output;
}
function matrixReplacements(ast, matrix, base) {
    const replacements = [];
    const isMatrixRoot = (node) => node.kind === 'root' && node.name.toLowerCase() === 'matrix';
    walkExpression(ast, (node) => {
        let name;
        if (node.kind === 'property' && isMatrixRoot(node.object))
            name = node.name;
        else if (node.kind === 'index' && isMatrixRoot(node.object) && node.index.kind === 'literal' && typeof node.index.value === 'string')
            name = node.index.value;
        if (name === undefined || !Object.hasOwn(matrix, name))
            return;
        replacements.push({ start: base + node.start, end: base + node.end, text: expressionLiteral(matrix[name]) });
    });
    // A matched node's own children are never matched (a root is not a property), so spans do not nest.
    return replacements;
}
/** `matrix.x` references in a whole-text expression (a condition) replaced by their values. */
function inlineMatrixInExpression(text, matrix) {
    const ast = parseLoosely(text);
    return ast ? applyReplacements(text, matrixReplacements(ast, matrix, 0)) : text;
}
/** `matrix.x` references inside each `${{ }}` of a text (command, environment value, …) replaced by their values. */
function inlineMatrixInTemplate(text, matrix) {
    const spans = findTemplateExpressions(text);
    if (!spans.ok)
        return text;
    const replacements = [];
    for (const span of spans.value) {
        const ast = parseLoosely(span.expression);
        if (ast)
            replacements.push(...matrixReplacements(ast, matrix, span.expressionStart));
    }
    return applyReplacements(text, replacements);
}
/** Step arguments of `on_success(…)` and its kin that name an expanded matrix step, replaced by its expansions. */
function fanOutStepArguments(text, expansions) {
    const ast = parseLoosely(text);
    if (!ast)
        return text;
    const replacements = [];
    walkExpression(ast, (node) => {
        if (node.kind !== 'stepStatusCall')
            return;
        for (const step of node.steps) {
            const ids = expansions.get(step.id);
            if (ids)
                replacements.push({ start: step.start, end: step.end, text: ids.join(', ') });
        }
    });
    return applyReplacements(text, replacements);
}

;// CONCATENATED MODULE: ./src/definition/parameters.ts
/**
 * Declared parameters (SPEC §8): `parameters: { name: {type, default?, required?, description?} }` in a
 * template or workflow, and the values a request and `--param` give them. Values are checked against the
 * declarations here, before anything is substituted.
 */
const PARAMETER_TYPES = ['string', 'number', 'boolean', 'array', 'object'];
function readDeclarations(raw) {
    if (!isRecord(raw))
        return undefined;
    const declarations = new Map();
    for (const [name, spec] of Object.entries(raw)) {
        if (!isRecord(spec) || typeof spec.type !== 'string' || !PARAMETER_TYPES.includes(spec.type))
            continue;
        declarations.set(name, {
            type: spec.type,
            ...('default' in spec ? { default: spec.default } : {}),
            required: spec.required === true,
        });
    }
    return declarations;
}
/**
 * The parameter values to run with: `--param` over the request's values over the declared defaults.
 * Without declarations every value is accepted as given. With them, a missing required parameter, a value
 * of the wrong type and an undeclared name are problems, each naming the parameter.
 */
function resolveParameters(input) {
    const declarations = readDeclarations(input.declarations);
    const merged = Object.fromEntries([...Object.entries(input.values), ...Object.entries(input.overrides)]);
    if (!declarations)
        return { values: merged, problems: [] };
    const problems = [];
    const values = {};
    const declaredNames = [...declarations.keys()];
    for (const name of Object.keys(merged)) {
        if (declarations.has(name))
            continue;
        const fromOverride = Object.hasOwn(input.overrides, name);
        problems.push({
            message: `unknown parameter '${name}'${fromOverride ? ' (from --param)' : ''}: ${input.owner} takes ${declaredNames.length === 0 ? 'no parameters' : declaredNames.map((n) => `'${n}'`).join(', ')}`,
            ...(fromOverride ? input.reportAt : { pointer: `/parameters/${segment(name)}`, part: 'key' }),
        });
    }
    for (const [name, declaration] of declarations) {
        const fromOverride = Object.hasOwn(input.overrides, name);
        const given = fromOverride || Object.hasOwn(input.values, name);
        const raw = given ? merged[name] : declaration.default;
        if (raw === undefined) {
            if (declaration.required)
                problems.push({ message: `missing required parameter '${name}' (${declaration.type}) of ${input.owner}`, ...input.reportAt });
            continue;
        }
        const value = fromOverride ? coerceOverride(raw, declaration.type) : raw;
        if (!hasType(value, declaration.type)) {
            const source = fromOverride ? ' (from --param)' : given ? '' : ' (its default)';
            const at = fromOverride
                ? input.reportAt
                : given
                    ? { pointer: `/parameters/${segment(name)}`, part: 'value' }
                    : { pointer: `${input.declarationsPointer}/${segment(name)}/default`, part: 'value' };
            problems.push({ message: `parameter '${name}' must be ${article(declaration.type)}, got ${describeValue(value)}${source}`, ...at });
            continue;
        }
        values[name] = value;
    }
    return { values, problems };
}
/** `--param branch=123` reads 123 as JSON; a string parameter still takes it as text. */
function coerceOverride(value, type) {
    if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
        return String(value);
    return value;
}
function hasType(value, type) {
    switch (type) {
        case 'string':
            return typeof value === 'string';
        case 'number':
            return typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
            return typeof value === 'boolean';
        case 'array':
            return Array.isArray(value);
        case 'object':
            return isRecord(value);
    }
}
function article(type) {
    return type === 'array' ? 'a list (array)' : type === 'object' ? 'an object' : `a ${type}`;
}
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value} ${JSON.stringify(value)}`;
}
function segment(name) {
    return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/definition/expand.ts




/** Step fields whose `${{ }}` the engine evaluates when the step starts. */
const RUNTIME_FIELDS = new Set(['command', 'rollback', 'condition', 'environment', 'workingDirectory']);
const EXPANSION_ROOTS = ['parameters', 'matrix'];
/** Expands `document.workflow`; anything malformed is left as it is for the schema check to report. */
function expandWorkflow(document, parameters, locator) {
    const workflow = document.workflow;
    if (!isRecord(workflow))
        return { document, locator, problems: [] };
    const problems = [];
    const { parameters: _declarations, steps, dependencies, ...rest } = workflow;
    const substitute = (value, pointer, matrix) => substituteValue(value, pointer, { parameters, matrix: matrix ?? null }, problems);
    const workflowFields = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, substitute(value, `/workflow/${expand_escape(key)}`)]));
    const expandedSteps = [];
    const origins = [];
    const expansions = new Map();
    if (Array.isArray(steps)) {
        steps.forEach((step, index) => {
            for (const expanded of expandStep(step, `/workflow/steps/${index}`, parameters, problems, expansions)) {
                expandedSteps.push(expanded);
                origins.push(index);
            }
        });
    }
    const expandedIds = new Map([...expansions].map(([id, list]) => [id, list.map((e) => String(e.id))]));
    const finalSteps = expandedIds.size === 0 ? expandedSteps : expandedSteps.map((step) => fanOutCondition(step, expandedIds));
    const dependencyOrigins = [];
    const finalDependencies = [];
    if (Array.isArray(dependencies)) {
        dependencies.forEach((dependency, index) => {
            const substituted = substitute(dependency, `/workflow/dependencies/${index}`);
            for (const fanned of fanOutDependency(substituted, expansions)) {
                finalDependencies.push(fanned);
                dependencyOrigins.push(index);
            }
        });
    }
    const newWorkflow = {
        ...fanOutWorkflowFields(workflowFields, expandedIds),
        ...(steps !== undefined ? { steps: Array.isArray(steps) ? finalSteps : substitute(steps, '/workflow/steps') } : {}),
        ...(dependencies !== undefined ? { dependencies: Array.isArray(dependencies) ? finalDependencies : dependencies } : {}),
    };
    const mounts = [...remount(locator, '/workflow/steps', origins), ...remount(locator, '/workflow/dependencies', dependencyOrigins)];
    return { document: { ...document, workflow: newWorkflow }, locator: locator.with(...mounts), problems };
}
/** Each new item's pointer leads to the pointer of the item it came from. */
function remount(locator, base, origins) {
    if (origins.every((origin, index) => origin === index))
        return [];
    const mounts = [];
    origins.forEach((origin, index) => {
        const resolved = locator.resolve(`${base}/${origin}`);
        if (resolved)
            mounts.push({ prefix: `${base}/${index}`, map: resolved.map, target: resolved.pointer });
    });
    return mounts;
}
function expandStep(step, pointer, parameters, problems, expansions) {
    if (!isRecord(step))
        return [step];
    const roots = (matrix) => ({ parameters, matrix });
    const substituteFields = (matrix) => Object.fromEntries(Object.entries(step)
        .filter(([key]) => key !== 'matrix')
        .map(([key, value]) => [
        key,
        RUNTIME_FIELDS.has(key) ? (matrix ? inlineMatrix(key, value, matrix) : value) : substituteValue(value, `${pointer}/${expand_escape(key)}`, roots(matrix), problems),
    ]));
    if (step.matrix === undefined)
        return [substituteFields(null)];
    const matrix = substituteValue(step.matrix, `${pointer}/matrix`, roots(null), problems);
    // Not a mapping: left for the schema check. A mapping with a bad list: reported here, once.
    if (!isRecord(matrix))
        return [{ ...substituteFields(null), matrix }];
    const combinations = matrixCombinations(matrix, `${pointer}/matrix`, problems);
    if (!combinations)
        return [substituteFields(null)];
    const results = [];
    const list = [];
    for (const combination of combinations) {
        const fields = substituteFields(combination);
        const id = typeof fields.id === 'string' ? `${fields.id}_${combinationSuffix(combination)}` : fields.id;
        results.push({ ...fields, id });
        list.push({ id, combination });
    }
    if (typeof step.id === 'string')
        expansions.set(step.id, list);
    return results;
}
/** Every combination of the matrix's values, in the order written; undefined (with a problem) if malformed. */
function matrixCombinations(matrix, pointer, problems) {
    let combinations = [{}];
    for (const [name, values] of Object.entries(matrix)) {
        if (!Array.isArray(values)) {
            problems.push({ message: `matrix '${name}' must be a list, got ${typeof values === 'string' ? JSON.stringify(values) : values === null ? 'null' : typeof values}`, pointer: `${pointer}/${expand_escape(name)}`, part: 'value' });
            return undefined;
        }
        if (values.length === 0) {
            problems.push({ message: `matrix '${name}' is an empty list: the step would not run at all`, pointer: `${pointer}/${expand_escape(name)}`, part: 'value' });
            return undefined;
        }
        combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [name]: value })));
    }
    return combinations;
}
/** `{env: 'staging', node: 20}` → `staging_20`, keeping only characters a step id may hold. */
function combinationSuffix(combination) {
    return Object.values(combination)
        .map((value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)).replace(/[^A-Za-z0-9_-]/g, '_'))
        .join('_');
}
function inlineMatrix(key, value, matrix) {
    if (key === 'condition' && typeof value === 'string')
        return inlineMatrixInExpression(value, matrix);
    if (typeof value === 'string')
        return inlineMatrixInTemplate(value, matrix);
    if (key === 'environment' && isRecord(value)) {
        return Object.fromEntries(Object.entries(value).map(([name, text]) => [name, typeof text === 'string' ? inlineMatrixInTemplate(text, matrix) : text]));
    }
    return value;
}
function fanOutCondition(step, expandedIds) {
    if (!isRecord(step) || typeof step.condition !== 'string')
        return step;
    return { ...step, condition: fanOutStepArguments(step.condition, expandedIds) };
}
/** A dependency on a matrix step applies to each expansion; two matrix steps pair on shared values. */
function fanOutDependency(dependency, expansions) {
    if (!isRecord(dependency) || typeof dependency.from !== 'string' || typeof dependency.to !== 'string')
        return [dependency];
    if (!expansions.has(dependency.from) && !expansions.has(dependency.to))
        return [dependency];
    const froms = expansions.get(dependency.from) ?? [{ id: dependency.from }];
    const tos = expansions.get(dependency.to) ?? [{ id: dependency.to }];
    const pairs = [];
    for (const from of froms) {
        for (const to of tos) {
            if (from.combination && to.combination && !agree(from.combination, to.combination))
                continue;
            pairs.push({ ...dependency, from: from.id, to: to.id });
        }
    }
    return pairs;
}
function agree(a, b) {
    return Object.keys(a).every((key) => !Object.hasOwn(b, key) || JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
function fanOutWorkflowFields(fields, expandedIds) {
    if (expandedIds.size === 0)
        return fields;
    const result = { ...fields };
    if (isRecord(fields.resources)) {
        result.resources = Object.fromEntries(Object.entries(fields.resources).flatMap(([id, requests]) => (expandedIds.get(id) ?? [id]).map((newId) => [newId, requests])));
    }
    if (Array.isArray(fields.parallel)) {
        result.parallel = fields.parallel.flatMap((id) => (typeof id === 'string' ? [...(expandedIds.get(id) ?? [id])] : [id]));
    }
    return result;
}
/**
 * Resolves `${{ }}` in a value made of parameters and matrix values: a string that is one `${{ }}` takes
 * the value's own type (a list for `matrix`, a number for `timeout`); otherwise values are put in as text.
 */
function substituteValue(value, pointer, roots, problems) {
    if (typeof value === 'string') {
        if (!value.includes('${{'))
            return value;
        const resolved = substituteString(value, roots);
        if (resolved.ok)
            return resolved.value;
        problems.push({ message: `${resolved.error.message} (only parameters.* and matrix.* can be used here)`, pointer, part: 'value' });
        return value;
    }
    if (Array.isArray(value))
        return value.map((item, index) => substituteValue(item, `${pointer}/${index}`, roots, problems));
    if (isRecord(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteValue(item, `${pointer}/${expand_escape(key)}`, roots, problems)]));
    }
    return value;
}
function substituteString(text, roots) {
    const evaluate = createTemplateEvaluator(roots, EXPANSION_ROOTS);
    const spans = findTemplateExpressions(text);
    if (!spans.ok)
        return spans;
    const only = spans.value[0];
    if (spans.value.length === 1 && only && only.start === 0 && only.end === text.length) {
        const value = evaluate(only);
        return value.ok ? ok(value.value) : err({ message: value.error.message, column: only.expressionStart + value.error.column });
    }
    return substituteText(text, evaluate);
}
function expand_escape(segment) {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/definition/file-text.ts
/**
 * A definition file's bytes → text, refusing what cannot be a definition before any parsing: files over
 * 10 MiB and bytes that are not UTF-8.
 */



const MAX_DEFINITION_BYTES = 10 * 1024 * 1024;
const tooLarge = (size) => `the file is ${size} bytes; definitions are limited to ${MAX_DEFINITION_BYTES} bytes (10 MiB)`;
/** UTF-8 bytes → text, with a leading byte-order mark dropped. */
function decodeDefinition(bytes) {
    if (bytes.byteLength > MAX_DEFINITION_BYTES)
        return err(tooLarge(bytes.byteLength));
    try {
        return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    catch {
        return err('the file is not valid UTF-8 text');
    }
}
function readError(error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EISDIR')
        return 'is a directory, not a file';
    if (code === 'EACCES')
        return 'permission denied';
    return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
}
/** Reads a definition, checking its size before reading it whole. */
async function readDefinitionFile(file) {
    try {
        const info = await (0,promises_namespaceObject.stat)(file);
        if (info.isDirectory())
            return err('is a directory, not a file');
        if (info.size > MAX_DEFINITION_BYTES)
            return err(tooLarge(info.size));
        return decodeDefinition(await (0,promises_namespaceObject.readFile)(file));
    }
    catch (error) {
        return err(readError(error));
    }
}
/** readDefinitionFile for the synchronous loader (template files). */
function readDefinitionFileSync(file) {
    try {
        const info = (0,external_node_fs_.statSync)(file);
        if (info.isDirectory())
            return err('is a directory, not a file');
        if (info.size > MAX_DEFINITION_BYTES)
            return err(tooLarge(info.size));
        return decodeDefinition((0,external_node_fs_.readFileSync)(file));
    }
    catch (error) {
        return err(readError(error));
    }
}

;// CONCATENATED MODULE: ./src/definition/salvage.ts
/**
 * When the schema check fails, the semantic checks still run on what can be trusted, so that one pass
 * reports every problem (SPEC §2): steps keep their id and their string fields, dependencies their
 * step names; everything whose type is wrong is left out (the schema check has reported it).
 */

const DEPENDENCY_TYPES = ['finish_to_start', 'start_to_start', 'finish_to_finish', 'start_to_finish'];
const SHELLS = ['bash', 'sh', 'pwsh', 'python'];
/** The trustworthy part of a document that failed the schema check, as a request; undefined if no steps survive. */
function salvageRequest(document) {
    const workflow = document.workflow;
    if (!isRecord(workflow) || !Array.isArray(workflow.steps))
        return undefined;
    const steps = [];
    // Positions are kept (pointers into the document must stay right): a broken step becomes a placeholder.
    for (const item of workflow.steps)
        steps.push(salvageStep(item, steps.length));
    // Dependencies are all kept or all dropped: their pointers must stay right, and a partial list
    // could hide or invent a cycle.
    const rawDependencies = Array.isArray(workflow.dependencies) ? workflow.dependencies : [];
    const dependencies = rawDependencies.every(isWellFormedDependency) ? rawDependencies.map(salvageDependency) : [];
    return { workflow: { steps, dependencies } };
}
function isWellFormedDependency(item) {
    return isRecord(item) && typeof item.from === 'string' && typeof item.to === 'string';
}
function salvageDependency(item) {
    const dependency = item;
    const type = typeof dependency.type === 'string' && DEPENDENCY_TYPES.includes(dependency.type) ? dependency.type : undefined;
    return { from: String(dependency.from), to: String(dependency.to), ...(type ? { type } : {}) };
}
function salvageStep(item, index) {
    const step = isRecord(item) ? item : {};
    const text = (key) => (typeof step[key] === 'string' ? step[key] : undefined);
    const environment = isRecord(step.environment)
        ? Object.fromEntries(Object.entries(step.environment).filter((entry) => typeof entry[1] === 'string'))
        : undefined;
    const shell = text('shell');
    const condition = text('condition');
    const rollback = text('rollback');
    const workingDirectory = text('workingDirectory');
    return {
        // A step without a usable id gets one no real step can have, so it collides with nothing.
        id: text('id') ?? `#${index + 1}`,
        command: text('command') ?? '',
        ...(shell !== undefined && SHELLS.includes(shell) ? { shell: shell } : {}),
        ...(condition !== undefined ? { condition } : {}),
        ...(rollback !== undefined ? { rollback } : {}),
        ...(workingDirectory !== undefined ? { workingDirectory } : {}),
        ...(environment ? { environment } : {}),
    };
}

;// CONCATENATED MODULE: ./src/schema/workflow.schema.json
const workflow_schema_namespaceObject = {};
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __nccwpck_require__(214);
;// CONCATENATED MODULE: ./src/schema/workflow-validators.js
// Generated by scripts/build-schema-validator.mjs from workflow.schema.json: do not edit.

const executionRequest = validate11;const schema12 = {"type":"object","properties":{"$schema":{"type":"string"},"context":{"$ref":"#/definitions/context"},"errorHandling":{"$ref":"#/definitions/errorHandling"},"resources":{"$ref":"#/definitions/requestResources"},"notifications":{"$ref":"#/definitions/notifications"},"debug":{"$ref":"#/definitions/debug"},"parameters":{"$ref":"#/definitions/parameterValues"},"workflow":{"$ref":"#/definitions/workflow"}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["workflow"]};const schema19 = {"type":"object","properties":{"retryPolicy":{"type":"object","properties":{"maxRetries":{"type":"integer","minimum":0},"backoffMultiplier":{"type":"number","minimum":1},"maxDelay":{"type":"integer","minimum":0,"description":"Upper bound of a retry delay in milliseconds (default 300000)."}},"patternProperties":{"^x-":true},"additionalProperties":false},"rollbackStrategy":{"enum":["automatic","none"]},"circuitBreaker":{"type":"object","properties":{"enabled":{"type":"boolean"},"failureThreshold":{"type":"integer","minimum":1},"timeout":{"type":"integer","minimum":0,"description":"Milliseconds the breaker stays open."}},"patternProperties":{"^x-":true},"additionalProperties":false}},"patternProperties":{"^x-":true},"additionalProperties":false};const schema23 = {"type":"object","properties":{"enabled":{"type":"boolean"},"logLevel":{"type":"string"},"captureOutputs":{"type":"boolean"},"traceDependencies":{"type":"boolean"}},"patternProperties":{"^x-":true},"additionalProperties":false};const schema24 = {"type":"object","description":"Values for ${{ parameters.x }}."};const pattern0 = new RegExp("^x-", "u");const schema13 = {"type":"object","description":"Free-form execution context (TASK_CONTEXT, `context.*` in expressions).","properties":{"resources":{"$ref":"#/definitions/capacity"},"notifications":{"type":"object","properties":{"on_start":{"type":"boolean"},"on_completion":{"type":"boolean"},"on_failure":{"type":"boolean"},"channels":{"type":"array","items":{"type":"string"}}}}}};const schema14 = {"type":"object","properties":{"cpu":{"$ref":"#/definitions/cpu"},"memory":{"$ref":"#/definitions/memory"},"storage":{"$ref":"#/definitions/memory"},"gpu":{"$ref":"#/definitions/gpu"}},"patternProperties":{"^x-":true},"additionalProperties":false,"description":"Amounts of each resource (storage is accepted and not scheduled)."};const schema15 = {"type":["string","number"],"minimum":0,"pattern":"^([0-9]+(\\.[0-9]+)?|[0-9]+m)$","errorMessage":"must be cores (2, \"2\", \"0.5\") or millicores (\"500m\")","description":"CPU: cores (2, \"2\", \"0.5\") or millicores (\"500m\")."};const schema16 = {"type":["string","number"],"minimum":0,"pattern":"^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$","errorMessage":"must be bytes (1048576) or a quantity with a unit (\"512Mi\", \"4Gi\", \"1G\")","description":"Memory or storage: bytes, or a quantity with a unit (\"512Mi\", \"4Gi\", \"1G\")."};const schema18 = {"type":["boolean","integer"],"minimum":0,"description":"GPUs: true (one) or a count."};const pattern2 = new RegExp("^([0-9]+(\\.[0-9]+)?|[0-9]+m)$", "u");const pattern3 = new RegExp("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$", "u");function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(((((key0 === "cpu") || (key0 === "memory")) || (key0 === "storage")) || (key0 === "gpu")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.cpu !== undefined){let data0 = data.cpu;if((typeof data0 !== "string") && (!((typeof data0 == "number") && (isFinite(data0))))){const err1 = {instancePath:instancePath+"/cpu",schemaPath:"#/definitions/cpu/type",keyword:"type",params:{type: schema15.type},message:"must be string,number",schema:schema15.type,parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if((typeof data0 == "number") && (isFinite(data0))){if(data0 < 0 || isNaN(data0)){const err2 = {instancePath:instancePath+"/cpu",schemaPath:"#/definitions/cpu/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(typeof data0 === "string"){if(!pattern2.test(data0)){const err3 = {instancePath:instancePath+"/cpu",schemaPath:"#/definitions/cpu/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?|[0-9]+m)$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?|[0-9]+m)$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?|[0-9]+m)$",parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}if(data.memory !== undefined){let data1 = data.memory;if((typeof data1 !== "string") && (!((typeof data1 == "number") && (isFinite(data1))))){const err4 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/memory/type",keyword:"type",params:{type: schema16.type},message:"must be string,number",schema:schema16.type,parentSchema:schema16,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if((typeof data1 == "number") && (isFinite(data1))){if(data1 < 0 || isNaN(data1)){const err5 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/memory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(typeof data1 === "string"){if(!pattern3.test(data1)){const err6 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/memory/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$",parentSchema:schema16,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}if(data.storage !== undefined){let data2 = data.storage;if((typeof data2 !== "string") && (!((typeof data2 == "number") && (isFinite(data2))))){const err7 = {instancePath:instancePath+"/storage",schemaPath:"#/definitions/memory/type",keyword:"type",params:{type: schema16.type},message:"must be string,number",schema:schema16.type,parentSchema:schema16,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if((typeof data2 == "number") && (isFinite(data2))){if(data2 < 0 || isNaN(data2)){const err8 = {instancePath:instancePath+"/storage",schemaPath:"#/definitions/memory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(typeof data2 === "string"){if(!pattern3.test(data2)){const err9 = {instancePath:instancePath+"/storage",schemaPath:"#/definitions/memory/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$",parentSchema:schema16,data:data2};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}if(data.gpu !== undefined){let data3 = data.gpu;if((typeof data3 !== "boolean") && (!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3))))){const err10 = {instancePath:instancePath+"/gpu",schemaPath:"#/definitions/gpu/type",keyword:"type",params:{type: schema18.type},message:"must be boolean,integer",schema:schema18.type,parentSchema:schema18,data:data3};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if((typeof data3 == "number") && (isFinite(data3))){if(data3 < 0 || isNaN(data3)){const err11 = {instancePath:instancePath+"/gpu",schemaPath:"#/definitions/gpu/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema18,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}}else {const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}validate13.errors = vErrors;return errors === 0;}function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.resources !== undefined){if(!(validate13(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.notifications !== undefined){let data1 = data.notifications;if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.on_start !== undefined){let data2 = data1.on_start;if(typeof data2 !== "boolean"){const err0 = {instancePath:instancePath+"/notifications/on_start",schemaPath:"#/properties/notifications/properties/on_start/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema13.properties.notifications.properties.on_start.type,parentSchema:schema13.properties.notifications.properties.on_start,data:data2};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data1.on_completion !== undefined){let data3 = data1.on_completion;if(typeof data3 !== "boolean"){const err1 = {instancePath:instancePath+"/notifications/on_completion",schemaPath:"#/properties/notifications/properties/on_completion/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema13.properties.notifications.properties.on_completion.type,parentSchema:schema13.properties.notifications.properties.on_completion,data:data3};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data1.on_failure !== undefined){let data4 = data1.on_failure;if(typeof data4 !== "boolean"){const err2 = {instancePath:instancePath+"/notifications/on_failure",schemaPath:"#/properties/notifications/properties/on_failure/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema13.properties.notifications.properties.on_failure.type,parentSchema:schema13.properties.notifications.properties.on_failure,data:data4};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data1.channels !== undefined){let data5 = data1.channels;if(Array.isArray(data5)){const len0 = data5.length;for(let i0=0; i0<len0; i0++){let data6 = data5[i0];if(typeof data6 !== "string"){const err3 = {instancePath:instancePath+"/notifications/channels/" + i0,schemaPath:"#/properties/notifications/properties/channels/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.notifications.properties.channels.items.type,parentSchema:schema13.properties.notifications.properties.channels.items,data:data6};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}else {const err4 = {instancePath:instancePath+"/notifications/channels",schemaPath:"#/properties/notifications/properties/channels/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.notifications.properties.channels.type,parentSchema:schema13.properties.notifications.properties.channels,data:data5};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath:instancePath+"/notifications",schemaPath:"#/properties/notifications/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.notifications.type,parentSchema:schema13.properties.notifications,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}validate12.errors = vErrors;return errors === 0;}const schema20 = {"type":"object","properties":{"limits":{"$ref":"#/definitions/capacity"},"requests":{"$ref":"#/definitions/capacity"},"autoScaling":{"type":"object","properties":{"enabled":{"type":"boolean"},"minReplicas":{"type":"integer","minimum":1},"maxReplicas":{"type":"integer","minimum":1},"targetCPU":{"type":"number","exclusiveMinimum":0,"maximum":100}},"patternProperties":{"^x-":true},"additionalProperties":false}},"patternProperties":{"^x-":true},"additionalProperties":false};function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((key0 === "limits") || (key0 === "requests")) || (key0 === "autoScaling")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.limits !== undefined){if(!(validate13(data.limits, {instancePath:instancePath+"/limits",parentData:data,parentDataProperty:"limits",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.requests !== undefined){if(!(validate13(data.requests, {instancePath:instancePath+"/requests",parentData:data,parentDataProperty:"requests",rootData}))){vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);errors = vErrors.length;}}if(data.autoScaling !== undefined){let data2 = data.autoScaling;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){if(!(((((key1 === "enabled") || (key1 === "minReplicas")) || (key1 === "maxReplicas")) || (key1 === "targetCPU")) || (pattern0.test(key1)))){const err1 = {instancePath:instancePath+"/autoScaling",schemaPath:"#/properties/autoScaling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema20.properties.autoScaling,data:data2};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data2.enabled !== undefined){let data3 = data2.enabled;if(typeof data3 !== "boolean"){const err2 = {instancePath:instancePath+"/autoScaling/enabled",schemaPath:"#/properties/autoScaling/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema20.properties.autoScaling.properties.enabled.type,parentSchema:schema20.properties.autoScaling.properties.enabled,data:data3};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data2.minReplicas !== undefined){let data4 = data2.minReplicas;if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){const err3 = {instancePath:instancePath+"/autoScaling/minReplicas",schemaPath:"#/properties/autoScaling/properties/minReplicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.properties.autoScaling.properties.minReplicas.type,parentSchema:schema20.properties.autoScaling.properties.minReplicas,data:data4};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if((typeof data4 == "number") && (isFinite(data4))){if(data4 < 1 || isNaN(data4)){const err4 = {instancePath:instancePath+"/autoScaling/minReplicas",schemaPath:"#/properties/autoScaling/properties/minReplicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20.properties.autoScaling.properties.minReplicas,data:data4};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}if(data2.maxReplicas !== undefined){let data5 = data2.maxReplicas;if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){const err5 = {instancePath:instancePath+"/autoScaling/maxReplicas",schemaPath:"#/properties/autoScaling/properties/maxReplicas/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema20.properties.autoScaling.properties.maxReplicas.type,parentSchema:schema20.properties.autoScaling.properties.maxReplicas,data:data5};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if((typeof data5 == "number") && (isFinite(data5))){if(data5 < 1 || isNaN(data5)){const err6 = {instancePath:instancePath+"/autoScaling/maxReplicas",schemaPath:"#/properties/autoScaling/properties/maxReplicas/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema20.properties.autoScaling.properties.maxReplicas,data:data5};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}if(data2.targetCPU !== undefined){let data6 = data2.targetCPU;if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 100 || isNaN(data6)){const err7 = {instancePath:instancePath+"/autoScaling/targetCPU",schemaPath:"#/properties/autoScaling/properties/targetCPU/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema20.properties.autoScaling.properties.targetCPU,data:data6};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data6 <= 0 || isNaN(data6)){const err8 = {instancePath:instancePath+"/autoScaling/targetCPU",schemaPath:"#/properties/autoScaling/properties/targetCPU/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema20.properties.autoScaling.properties.targetCPU,data:data6};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}else {const err9 = {instancePath:instancePath+"/autoScaling/targetCPU",schemaPath:"#/properties/autoScaling/properties/targetCPU/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema20.properties.autoScaling.properties.targetCPU.type,parentSchema:schema20.properties.autoScaling.properties.targetCPU,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath:instancePath+"/autoScaling",schemaPath:"#/properties/autoScaling/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.properties.autoScaling.type,parentSchema:schema20.properties.autoScaling,data:data2};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}validate16.errors = vErrors;return errors === 0;}const schema21 = {"type":"object","properties":{"webhooks":{"type":"array","items":{"type":"object","properties":{"url":{"type":"string","pattern":"^https?://[^\\s/$.?#][^\\s]*$","errorMessage":"must be an http:// or https:// URL"},"events":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/webhookEvent"}},"payload":{},"headers":{"type":"object","additionalProperties":{"type":"string"}},"secret":{"type":"string"}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["url"]}},"alerts":{"type":"array","items":{"type":"object","properties":{"condition":{"type":"string","minLength":1,"description":"An expression over step.*, workflow.*, context.*, env.*."},"severity":{"enum":["info","warning","error"]},"message":{"type":"string"}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["condition","message"]}}},"patternProperties":{"^x-":true},"additionalProperties":false};const schema22 = {"enum":["start","completion","failure","step_start","step_completion","step_failure","alert"]};const pattern12 = new RegExp("^https?://[^\\s/$.?#][^\\s]*$", "u");const func2 = ucs2length/* default */.A;function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(((key0 === "webhooks") || (key0 === "alerts")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.webhooks !== undefined){let data0 = data.webhooks;if(Array.isArray(data0)){const len0 = data0.length;for(let i0=0; i0<len0; i0++){let data1 = data0[i0];if(data1 && typeof data1 == "object" && !Array.isArray(data1)){if(data1.url === undefined){const err1 = {instancePath:instancePath+"/webhooks/" + i0,schemaPath:"#/properties/webhooks/items/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema21.properties.webhooks.items.required,parentSchema:schema21.properties.webhooks.items,data:data1};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key1 in data1){if(!((((((key1 === "url") || (key1 === "events")) || (key1 === "payload")) || (key1 === "headers")) || (key1 === "secret")) || (pattern0.test(key1)))){const err2 = {instancePath:instancePath+"/webhooks/" + i0,schemaPath:"#/properties/webhooks/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema21.properties.webhooks.items,data:data1};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data1.url !== undefined){let data2 = data1.url;if(typeof data2 === "string"){if(!pattern12.test(data2)){const err3 = {instancePath:instancePath+"/webhooks/" + i0+"/url",schemaPath:"#/properties/webhooks/items/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/$.?#][^\\s]*$"},message:"must match pattern \""+"^https?://[^\\s/$.?#][^\\s]*$"+"\"",schema:"^https?://[^\\s/$.?#][^\\s]*$",parentSchema:schema21.properties.webhooks.items.properties.url,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/webhooks/" + i0+"/url",schemaPath:"#/properties/webhooks/items/properties/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.webhooks.items.properties.url.type,parentSchema:schema21.properties.webhooks.items.properties.url,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data1.events !== undefined){let data3 = data1.events;if(Array.isArray(data3)){if(data3.length < 1){const err5 = {instancePath:instancePath+"/webhooks/" + i0+"/events",schemaPath:"#/properties/webhooks/items/properties/events/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema21.properties.webhooks.items.properties.events,data:data3};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}const len1 = data3.length;for(let i1=0; i1<len1; i1++){let data4 = data3[i1];if(!(((((((data4 === "start") || (data4 === "completion")) || (data4 === "failure")) || (data4 === "step_start")) || (data4 === "step_completion")) || (data4 === "step_failure")) || (data4 === "alert"))){const err6 = {instancePath:instancePath+"/webhooks/" + i0+"/events/" + i1,schemaPath:"#/definitions/webhookEvent/enum",keyword:"enum",params:{allowedValues: schema22.enum},message:"must be equal to one of the allowed values",schema:schema22.enum,parentSchema:schema22,data:data4};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/webhooks/" + i0+"/events",schemaPath:"#/properties/webhooks/items/properties/events/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.webhooks.items.properties.events.type,parentSchema:schema21.properties.webhooks.items.properties.events,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data1.headers !== undefined){let data5 = data1.headers;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){for(const key2 in data5){let data6 = data5[key2];if(typeof data6 !== "string"){const err8 = {instancePath:instancePath+"/webhooks/" + i0+"/headers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/webhooks/items/properties/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.webhooks.items.properties.headers.additionalProperties.type,parentSchema:schema21.properties.webhooks.items.properties.headers.additionalProperties,data:data6};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath:instancePath+"/webhooks/" + i0+"/headers",schemaPath:"#/properties/webhooks/items/properties/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.properties.webhooks.items.properties.headers.type,parentSchema:schema21.properties.webhooks.items.properties.headers,data:data5};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data1.secret !== undefined){let data7 = data1.secret;if(typeof data7 !== "string"){const err10 = {instancePath:instancePath+"/webhooks/" + i0+"/secret",schemaPath:"#/properties/webhooks/items/properties/secret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.webhooks.items.properties.secret.type,parentSchema:schema21.properties.webhooks.items.properties.secret,data:data7};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/webhooks/" + i0,schemaPath:"#/properties/webhooks/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.properties.webhooks.items.type,parentSchema:schema21.properties.webhooks.items,data:data1};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}else {const err12 = {instancePath:instancePath+"/webhooks",schemaPath:"#/properties/webhooks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.webhooks.type,parentSchema:schema21.properties.webhooks,data:data0};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data.alerts !== undefined){let data8 = data.alerts;if(Array.isArray(data8)){const len2 = data8.length;for(let i2=0; i2<len2; i2++){let data9 = data8[i2];if(data9 && typeof data9 == "object" && !Array.isArray(data9)){if(data9.condition === undefined){const err13 = {instancePath:instancePath+"/alerts/" + i2,schemaPath:"#/properties/alerts/items/required",keyword:"required",params:{missingProperty: "condition"},message:"must have required property '"+"condition"+"'",schema:schema21.properties.alerts.items.required,parentSchema:schema21.properties.alerts.items,data:data9};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(data9.message === undefined){const err14 = {instancePath:instancePath+"/alerts/" + i2,schemaPath:"#/properties/alerts/items/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'",schema:schema21.properties.alerts.items.required,parentSchema:schema21.properties.alerts.items,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}for(const key3 in data9){if(!((((key3 === "condition") || (key3 === "severity")) || (key3 === "message")) || (pattern0.test(key3)))){const err15 = {instancePath:instancePath+"/alerts/" + i2,schemaPath:"#/properties/alerts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema21.properties.alerts.items,data:data9};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data9.condition !== undefined){let data10 = data9.condition;if(typeof data10 === "string"){if(func2(data10) < 1){const err16 = {instancePath:instancePath+"/alerts/" + i2+"/condition",schemaPath:"#/properties/alerts/items/properties/condition/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.alerts.items.properties.condition,data:data10};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/alerts/" + i2+"/condition",schemaPath:"#/properties/alerts/items/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.alerts.items.properties.condition.type,parentSchema:schema21.properties.alerts.items.properties.condition,data:data10};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data9.severity !== undefined){let data11 = data9.severity;if(!(((data11 === "info") || (data11 === "warning")) || (data11 === "error"))){const err18 = {instancePath:instancePath+"/alerts/" + i2+"/severity",schemaPath:"#/properties/alerts/items/properties/severity/enum",keyword:"enum",params:{allowedValues: schema21.properties.alerts.items.properties.severity.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.alerts.items.properties.severity.enum,parentSchema:schema21.properties.alerts.items.properties.severity,data:data11};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data9.message !== undefined){let data12 = data9.message;if(typeof data12 !== "string"){const err19 = {instancePath:instancePath+"/alerts/" + i2+"/message",schemaPath:"#/properties/alerts/items/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.alerts.items.properties.message.type,parentSchema:schema21.properties.alerts.items.properties.message,data:data12};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/alerts/" + i2,schemaPath:"#/properties/alerts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.properties.alerts.items.type,parentSchema:schema21.properties.alerts.items,data:data9};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath:instancePath+"/alerts",schemaPath:"#/properties/alerts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.alerts.type,parentSchema:schema21.properties.alerts,data:data8};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}validate20.errors = vErrors;return errors === 0;}const schema25 = {"type":"object","properties":{"name":{"type":"string","description":"Shown in logs and results."},"description":{"type":"string","description":"What the workflow does."},"steps":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/step"}},"dependencies":{"type":"array","items":{"$ref":"#/definitions/dependency"}},"timeout":{"type":"integer","minimum":0,"description":"Milliseconds for the whole run."},"concurrency":{"type":"integer","minimum":1,"description":"At most this many steps at once (default: the number of CPUs)."},"mode":{"enum":["parallel","sequential"],"description":"sequential: one step at a time."},"parallel":{"type":"array","items":{"$ref":"#/definitions/stepId"},"description":"Documentation of intent: independent steps run in parallel anyway."},"killGracePeriod":{"type":"integer","minimum":0,"description":"Default milliseconds between SIGTERM and SIGKILL for every step."},"resources":{"$ref":"#/definitions/stepResourceMap"},"parameters":{"$ref":"#/definitions/parameterDeclarations"}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["steps"]};const schema27 = {"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_-]*$","errorMessage":"must start with a letter or _ and hold only letters, digits, _ and -","description":"A step id: letters, digits, _ and -, not starting with a digit or -."};const func3 = Object.prototype.hasOwnProperty;const pattern17 = new RegExp("^[A-Za-z_][A-Za-z0-9_-]*$", "u");const schema26 = {"type":"object","properties":{"id":{"$ref":"#/definitions/stepId"},"name":{"type":"string","description":"Shown in logs and results; defaults to the id."},"description":{"type":"string","description":"What the step does."},"command":{"type":"string","minLength":1,"description":"Run by `bash --noprofile --norc -eo pipefail -c` unless `shell` says otherwise."},"shell":{"enum":["bash","sh","pwsh","python"],"description":"Interpreter for the command (default bash)."},"timeout":{"type":"integer","minimum":0,"description":"Milliseconds per attempt."},"retries":{"type":"integer","minimum":0,"description":"Extra attempts after the first."},"retryDelay":{"type":"integer","minimum":0,"description":"Milliseconds before the first retry (default 1000)."},"environment":{"$ref":"#/definitions/environment"},"workingDirectory":{"type":"string","description":"Relative to the repository root (or the CLI's working directory)."},"condition":{"type":"string","description":"always, never, on_success(a, …), on_failure(a, …), on_completion(a, …), or a GitHub-style expression."},"continueOnError":{"type":"boolean","description":"A failure does not fail the workflow and counts as success for dependents."},"parallel":{"type":"boolean","description":"false: nothing else runs beside this step."},"resources":{"$ref":"#/definitions/stepResources"},"rollback":{"type":"string","description":"Compensation command run if the workflow fails after this step completed."},"killGracePeriod":{"type":"integer","minimum":0,"description":"Milliseconds between SIGTERM and SIGKILL (default 5000)."},"estimatedDuration":{"type":"integer","minimum":0,"description":"Milliseconds: a scheduling hint before any history exists."},"matrix":{"$ref":"#/definitions/matrixValues"}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["id","command"]};const schema28 = {"type":"object","description":"Variables added to the inherited environment; values may use ${{ }}.","additionalProperties":{"type":["string","number","boolean"]}};const schema33 = {"type":"object","minProperties":1,"maxProperties":1,"description":"One name → a list (or \"${{ parameters.x }}\" naming a list): the step runs once per value, as <id>_<value>.","additionalProperties":{"type":["array","string"],"items":{"type":["string","number","boolean"]},"pattern":"^\\s*\\$\\{\\{.*\\}\\}\\s*$","errorMessage":"must be a list or a \"${{ parameters.x }}\" expression"}};const pattern21 = new RegExp("^\\s*\\$\\{\\{.*\\}\\}\\s*$", "u");const schema29 = {"type":"object","properties":{"cpu":{"$ref":"#/definitions/cpu"},"memory":{"$ref":"#/definitions/memory"},"gpu":{"$ref":"#/definitions/gpu"}},"patternProperties":{"^x-":true},"additionalProperties":false,"description":"What a step needs free before it starts."};function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((key0 === "cpu") || (key0 === "memory")) || (key0 === "gpu")) || (pattern0.test(key0)))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema29,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.cpu !== undefined){let data0 = data.cpu;if((typeof data0 !== "string") && (!((typeof data0 == "number") && (isFinite(data0))))){const err1 = {instancePath:instancePath+"/cpu",schemaPath:"#/definitions/cpu/type",keyword:"type",params:{type: schema15.type},message:"must be string,number",schema:schema15.type,parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if((typeof data0 == "number") && (isFinite(data0))){if(data0 < 0 || isNaN(data0)){const err2 = {instancePath:instancePath+"/cpu",schemaPath:"#/definitions/cpu/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(typeof data0 === "string"){if(!pattern2.test(data0)){const err3 = {instancePath:instancePath+"/cpu",schemaPath:"#/definitions/cpu/pattern",keyword:"pattern",params:{pattern: "^([0-9]+(\\.[0-9]+)?|[0-9]+m)$"},message:"must match pattern \""+"^([0-9]+(\\.[0-9]+)?|[0-9]+m)$"+"\"",schema:"^([0-9]+(\\.[0-9]+)?|[0-9]+m)$",parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}if(data.memory !== undefined){let data1 = data.memory;if((typeof data1 !== "string") && (!((typeof data1 == "number") && (isFinite(data1))))){const err4 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/memory/type",keyword:"type",params:{type: schema16.type},message:"must be string,number",schema:schema16.type,parentSchema:schema16,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if((typeof data1 == "number") && (isFinite(data1))){if(data1 < 0 || isNaN(data1)){const err5 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/memory/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema16,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(typeof data1 === "string"){if(!pattern3.test(data1)){const err6 = {instancePath:instancePath+"/memory",schemaPath:"#/definitions/memory/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$",parentSchema:schema16,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}if(data.gpu !== undefined){let data2 = data.gpu;if((typeof data2 !== "boolean") && (!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2))))){const err7 = {instancePath:instancePath+"/gpu",schemaPath:"#/definitions/gpu/type",keyword:"type",params:{type: schema18.type},message:"must be boolean,integer",schema:schema18.type,parentSchema:schema18,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if((typeof data2 == "number") && (isFinite(data2))){if(data2 < 0 || isNaN(data2)){const err8 = {instancePath:instancePath+"/gpu",schemaPath:"#/definitions/gpu/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema18,data:data2};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}}else {const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}validate24.errors = vErrors;return errors === 0;}function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.id === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema26.required,parentSchema:schema26,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.command === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'",schema:schema26.required,parentSchema:schema26,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!((func3.call(schema26.properties, key0)) || (pattern0.test(key0)))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema26,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.id !== undefined){let data0 = data.id;if(typeof data0 === "string"){if(!pattern17.test(data0)){const err3 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/stepId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]*$",parentSchema:schema27,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/stepId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 !== "string"){const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.name.type,parentSchema:schema26.properties.name,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.description !== undefined){let data2 = data.description;if(typeof data2 !== "string"){const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.description.type,parentSchema:schema26.properties.description,data:data2};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.command !== undefined){let data3 = data.command;if(typeof data3 === "string"){if(func2(data3) < 1){const err7 = {instancePath:instancePath+"/command",schemaPath:"#/properties/command/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema26.properties.command,data:data3};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/command",schemaPath:"#/properties/command/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.command.type,parentSchema:schema26.properties.command,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.shell !== undefined){let data4 = data.shell;if(!((((data4 === "bash") || (data4 === "sh")) || (data4 === "pwsh")) || (data4 === "python"))){const err9 = {instancePath:instancePath+"/shell",schemaPath:"#/properties/shell/enum",keyword:"enum",params:{allowedValues: schema26.properties.shell.enum},message:"must be equal to one of the allowed values",schema:schema26.properties.shell.enum,parentSchema:schema26.properties.shell,data:data4};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.timeout !== undefined){let data5 = data.timeout;if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){const err10 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.timeout.type,parentSchema:schema26.properties.timeout,data:data5};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if((typeof data5 == "number") && (isFinite(data5))){if(data5 < 0 || isNaN(data5)){const err11 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.timeout,data:data5};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}if(data.retries !== undefined){let data6 = data.retries;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err12 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.retries.type,parentSchema:schema26.properties.retries,data:data6};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 < 0 || isNaN(data6)){const err13 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.retries,data:data6};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}if(data.retryDelay !== undefined){let data7 = data.retryDelay;if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){const err14 = {instancePath:instancePath+"/retryDelay",schemaPath:"#/properties/retryDelay/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.retryDelay.type,parentSchema:schema26.properties.retryDelay,data:data7};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if((typeof data7 == "number") && (isFinite(data7))){if(data7 < 0 || isNaN(data7)){const err15 = {instancePath:instancePath+"/retryDelay",schemaPath:"#/properties/retryDelay/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.retryDelay,data:data7};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}if(data.environment !== undefined){let data8 = data.environment;if(data8 && typeof data8 == "object" && !Array.isArray(data8)){for(const key1 in data8){let data9 = data8[key1];if(((typeof data9 !== "string") && (!((typeof data9 == "number") && (isFinite(data9))))) && (typeof data9 !== "boolean")){const err16 = {instancePath:instancePath+"/environment/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/environment/additionalProperties/type",keyword:"type",params:{type: schema28.additionalProperties.type},message:"must be string,number,boolean",schema:schema28.additionalProperties.type,parentSchema:schema28.additionalProperties,data:data9};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath:instancePath+"/environment",schemaPath:"#/definitions/environment/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data:data8};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.workingDirectory !== undefined){let data10 = data.workingDirectory;if(typeof data10 !== "string"){const err18 = {instancePath:instancePath+"/workingDirectory",schemaPath:"#/properties/workingDirectory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.workingDirectory.type,parentSchema:schema26.properties.workingDirectory,data:data10};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.condition !== undefined){let data11 = data.condition;if(typeof data11 !== "string"){const err19 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.condition.type,parentSchema:schema26.properties.condition,data:data11};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.continueOnError !== undefined){let data12 = data.continueOnError;if(typeof data12 !== "boolean"){const err20 = {instancePath:instancePath+"/continueOnError",schemaPath:"#/properties/continueOnError/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.continueOnError.type,parentSchema:schema26.properties.continueOnError,data:data12};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.parallel !== undefined){let data13 = data.parallel;if(typeof data13 !== "boolean"){const err21 = {instancePath:instancePath+"/parallel",schemaPath:"#/properties/parallel/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema26.properties.parallel.type,parentSchema:schema26.properties.parallel,data:data13};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data.resources !== undefined){if(!(validate24(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData}))){vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);errors = vErrors.length;}}if(data.rollback !== undefined){let data15 = data.rollback;if(typeof data15 !== "string"){const err22 = {instancePath:instancePath+"/rollback",schemaPath:"#/properties/rollback/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema26.properties.rollback.type,parentSchema:schema26.properties.rollback,data:data15};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.killGracePeriod !== undefined){let data16 = data.killGracePeriod;if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){const err23 = {instancePath:instancePath+"/killGracePeriod",schemaPath:"#/properties/killGracePeriod/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.killGracePeriod.type,parentSchema:schema26.properties.killGracePeriod,data:data16};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if((typeof data16 == "number") && (isFinite(data16))){if(data16 < 0 || isNaN(data16)){const err24 = {instancePath:instancePath+"/killGracePeriod",schemaPath:"#/properties/killGracePeriod/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.killGracePeriod,data:data16};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}if(data.estimatedDuration !== undefined){let data17 = data.estimatedDuration;if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){const err25 = {instancePath:instancePath+"/estimatedDuration",schemaPath:"#/properties/estimatedDuration/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema26.properties.estimatedDuration.type,parentSchema:schema26.properties.estimatedDuration,data:data17};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if((typeof data17 == "number") && (isFinite(data17))){if(data17 < 0 || isNaN(data17)){const err26 = {instancePath:instancePath+"/estimatedDuration",schemaPath:"#/properties/estimatedDuration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema26.properties.estimatedDuration,data:data17};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}if(data.matrix !== undefined){let data18 = data.matrix;if(data18 && typeof data18 == "object" && !Array.isArray(data18)){if(Object.keys(data18).length > 1){const err27 = {instancePath:instancePath+"/matrix",schemaPath:"#/definitions/matrixValues/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema33,data:data18};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if(Object.keys(data18).length < 1){const err28 = {instancePath:instancePath+"/matrix",schemaPath:"#/definitions/matrixValues/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema33,data:data18};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}for(const key2 in data18){let data19 = data18[key2];if((!(Array.isArray(data19))) && (typeof data19 !== "string")){const err29 = {instancePath:instancePath+"/matrix/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matrixValues/additionalProperties/type",keyword:"type",params:{type: schema33.additionalProperties.type},message:"must be array,string",schema:schema33.additionalProperties.type,parentSchema:schema33.additionalProperties,data:data19};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}if(typeof data19 === "string"){if(!pattern21.test(data19)){const err30 = {instancePath:instancePath+"/matrix/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/matrixValues/additionalProperties/pattern",keyword:"pattern",params:{pattern: "^\\s*\\$\\{\\{.*\\}\\}\\s*$"},message:"must match pattern \""+"^\\s*\\$\\{\\{.*\\}\\}\\s*$"+"\"",schema:"^\\s*\\$\\{\\{.*\\}\\}\\s*$",parentSchema:schema33.additionalProperties,data:data19};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(Array.isArray(data19)){const len0 = data19.length;for(let i0=0; i0<len0; i0++){let data20 = data19[i0];if(((typeof data20 !== "string") && (!((typeof data20 == "number") && (isFinite(data20))))) && (typeof data20 !== "boolean")){const err31 = {instancePath:instancePath+"/matrix/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i0,schemaPath:"#/definitions/matrixValues/additionalProperties/items/type",keyword:"type",params:{type: schema33.additionalProperties.items.type},message:"must be string,number,boolean",schema:schema33.additionalProperties.items.type,parentSchema:schema33.additionalProperties.items,data:data20};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}}}else {const err32 = {instancePath:instancePath+"/matrix",schemaPath:"#/definitions/matrixValues/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data:data18};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema26.type,parentSchema:schema26,data};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}validate23.errors = vErrors;return errors === 0;}const schema34 = {"type":"object","properties":{"from":{"$ref":"#/definitions/stepId"},"to":{"$ref":"#/definitions/stepId"},"type":{"enum":["finish_to_start","start_to_start","finish_to_finish","start_to_finish"],"description":"Default finish_to_start."},"condition":{"enum":["success","failure","always"],"description":"Judged on from's outcome (default success)."}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["from","to"]};function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.from === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "from"},message:"must have required property '"+"from"+"'",schema:schema34.required,parentSchema:schema34,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.to === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema34.required,parentSchema:schema34,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}for(const key0 in data){if(!(((((key0 === "from") || (key0 === "to")) || (key0 === "type")) || (key0 === "condition")) || (pattern0.test(key0)))){const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.from !== undefined){let data0 = data.from;if(typeof data0 === "string"){if(!pattern17.test(data0)){const err3 = {instancePath:instancePath+"/from",schemaPath:"#/definitions/stepId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]*$",parentSchema:schema27,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/from",schemaPath:"#/definitions/stepId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:data0};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.to !== undefined){let data1 = data.to;if(typeof data1 === "string"){if(!pattern17.test(data1)){const err5 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/stepId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]*$",parentSchema:schema27,data:data1};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}else {const err6 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/stepId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:data1};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.type !== undefined){let data2 = data.type;if(!((((data2 === "finish_to_start") || (data2 === "start_to_start")) || (data2 === "finish_to_finish")) || (data2 === "start_to_finish"))){const err7 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema34.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.type.enum,parentSchema:schema34.properties.type,data:data2};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.condition !== undefined){let data3 = data.condition;if(!(((data3 === "success") || (data3 === "failure")) || (data3 === "always"))){const err8 = {instancePath:instancePath+"/condition",schemaPath:"#/properties/condition/enum",keyword:"enum",params:{allowedValues: schema34.properties.condition.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.condition.enum,parentSchema:schema34.properties.condition,data:data3};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}validate27.errors = vErrors;return errors === 0;}const schema38 = {"type":"object","description":"Step id → resource requests.","propertyNames":{"$ref":"#/definitions/stepId"},"additionalProperties":{"$ref":"#/definitions/stepResources"}};function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){const _errs1 = errors;if(typeof key0 === "string"){if(!pattern17.test(key0)){const err0 = {instancePath,schemaPath:"#/definitions/stepId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]*$",parentSchema:schema27,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}else {const err1 = {instancePath,schemaPath:"#/definitions/stepId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}var valid0 = _errs1 === errors;if(!valid0){const err2 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema38.propertyNames,parentSchema:schema38,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}for(const key1 in data){if(!(validate24(data[key1], {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key1,rootData}))){vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);errors = vErrors.length;}}}else {const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}validate29.errors = vErrors;return errors === 0;}const schema40 = {"type":"object","description":"Parameters this workflow (or template) takes: name → {type, default?, required?, description?}.","propertyNames":{"pattern":"^[A-Za-z_][A-Za-z0-9_-]*$"},"additionalProperties":{"$ref":"#/definitions/parameterDeclaration"}};const schema41 = {"type":"object","properties":{"type":{"enum":["string","number","boolean","array","object"]},"default":{},"required":{"type":"boolean"},"description":{"type":"string"}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["type"]};function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){const _errs1 = errors;if(typeof key0 === "string"){if(!pattern17.test(key0)){const err0 = {instancePath,schemaPath:"#/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]*$",parentSchema:schema40.propertyNames,data:key0,propertyName:key0};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}var valid0 = _errs1 === errors;if(!valid0){const err1 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid",schema:schema40.propertyNames,parentSchema:schema40,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}for(const key1 in data){let data0 = data[key1];if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.type === undefined){const err2 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/parameterDeclaration/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema41.required,parentSchema:schema41,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}for(const key2 in data0){if(!(((((key2 === "type") || (key2 === "default")) || (key2 === "required")) || (key2 === "description")) || (pattern0.test(key2)))){const err3 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/parameterDeclaration/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data:data0};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data0.type !== undefined){let data1 = data0.type;if(!(((((data1 === "string") || (data1 === "number")) || (data1 === "boolean")) || (data1 === "array")) || (data1 === "object"))){const err4 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/parameterDeclaration/properties/type/enum",keyword:"enum",params:{allowedValues: schema41.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.type.enum,parentSchema:schema41.properties.type,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data0.required !== undefined){let data2 = data0.required;if(typeof data2 !== "boolean"){const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/required",schemaPath:"#/definitions/parameterDeclaration/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema41.properties.required.type,parentSchema:schema41.properties.required,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data0.description !== undefined){let data3 = data0.description;if(typeof data3 !== "string"){const err6 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/definitions/parameterDeclaration/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.description.type,parentSchema:schema41.properties.description,data:data3};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}else {const err7 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/parameterDeclaration/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}else {const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}validate32.errors = vErrors;return errors === 0;}function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.steps === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "steps"},message:"must have required property '"+"steps"+"'",schema:schema25.required,parentSchema:schema25,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!((func3.call(schema25.properties, key0)) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.name !== undefined){let data0 = data.name;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.name.type,parentSchema:schema25.properties.name,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.description !== undefined){let data1 = data.description;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.description.type,parentSchema:schema25.properties.description,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.steps !== undefined){let data2 = data.steps;if(Array.isArray(data2)){if(data2.length < 1){const err4 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema25.properties.steps,data:data2};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}const len0 = data2.length;for(let i0=0; i0<len0; i0++){if(!(validate23(data2[i0], {instancePath:instancePath+"/steps/" + i0,parentData:data2,parentDataProperty:i0,rootData}))){vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);errors = vErrors.length;}}}else {const err5 = {instancePath:instancePath+"/steps",schemaPath:"#/properties/steps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema25.properties.steps.type,parentSchema:schema25.properties.steps,data:data2};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.dependencies !== undefined){let data4 = data.dependencies;if(Array.isArray(data4)){const len1 = data4.length;for(let i1=0; i1<len1; i1++){if(!(validate27(data4[i1], {instancePath:instancePath+"/dependencies/" + i1,parentData:data4,parentDataProperty:i1,rootData}))){vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);errors = vErrors.length;}}}else {const err6 = {instancePath:instancePath+"/dependencies",schemaPath:"#/properties/dependencies/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema25.properties.dependencies.type,parentSchema:schema25.properties.dependencies,data:data4};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.timeout !== undefined){let data6 = data.timeout;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err7 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.timeout.type,parentSchema:schema25.properties.timeout,data:data6};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 < 0 || isNaN(data6)){const err8 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.timeout,data:data6};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}if(data.concurrency !== undefined){let data7 = data.concurrency;if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){const err9 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.concurrency.type,parentSchema:schema25.properties.concurrency,data:data7};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if((typeof data7 == "number") && (isFinite(data7))){if(data7 < 1 || isNaN(data7)){const err10 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema25.properties.concurrency,data:data7};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}if(data.mode !== undefined){let data8 = data.mode;if(!((data8 === "parallel") || (data8 === "sequential"))){const err11 = {instancePath:instancePath+"/mode",schemaPath:"#/properties/mode/enum",keyword:"enum",params:{allowedValues: schema25.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema25.properties.mode.enum,parentSchema:schema25.properties.mode,data:data8};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.parallel !== undefined){let data9 = data.parallel;if(Array.isArray(data9)){const len2 = data9.length;for(let i2=0; i2<len2; i2++){let data10 = data9[i2];if(typeof data10 === "string"){if(!pattern17.test(data10)){const err12 = {instancePath:instancePath+"/parallel/" + i2,schemaPath:"#/definitions/stepId/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_-]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_-]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_-]*$",parentSchema:schema27,data:data10};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}else {const err13 = {instancePath:instancePath+"/parallel/" + i2,schemaPath:"#/definitions/stepId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.type,parentSchema:schema27,data:data10};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}}else {const err14 = {instancePath:instancePath+"/parallel",schemaPath:"#/properties/parallel/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema25.properties.parallel.type,parentSchema:schema25.properties.parallel,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.killGracePeriod !== undefined){let data11 = data.killGracePeriod;if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){const err15 = {instancePath:instancePath+"/killGracePeriod",schemaPath:"#/properties/killGracePeriod/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.killGracePeriod.type,parentSchema:schema25.properties.killGracePeriod,data:data11};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if((typeof data11 == "number") && (isFinite(data11))){if(data11 < 0 || isNaN(data11)){const err16 = {instancePath:instancePath+"/killGracePeriod",schemaPath:"#/properties/killGracePeriod/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.killGracePeriod,data:data11};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}if(data.resources !== undefined){if(!(validate29(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData}))){vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);errors = vErrors.length;}}if(data.parameters !== undefined){if(!(validate32(data.parameters, {instancePath:instancePath+"/parameters",parentData:data,parentDataProperty:"parameters",rootData}))){vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);errors = vErrors.length;}}}else {const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}validate22.errors = vErrors;return errors === 0;}function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.workflow === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "workflow"},message:"must have required property '"+"workflow"+"'",schema:schema12.required,parentSchema:schema12,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((((((((key0 === "$schema") || (key0 === "context")) || (key0 === "errorHandling")) || (key0 === "resources")) || (key0 === "notifications")) || (key0 === "debug")) || (key0 === "parameters")) || (key0 === "workflow")) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.$schema !== undefined){let data0 = data.$schema;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.$schema.type,parentSchema:schema12.properties.$schema,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.context !== undefined){if(!(validate12(data.context, {instancePath:instancePath+"/context",parentData:data,parentDataProperty:"context",rootData}))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}}if(data.errorHandling !== undefined){let data2 = data.errorHandling;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){if(!((((key1 === "retryPolicy") || (key1 === "rollbackStrategy")) || (key1 === "circuitBreaker")) || (pattern0.test(key1)))){const err3 = {instancePath:instancePath+"/errorHandling",schemaPath:"#/definitions/errorHandling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data2.retryPolicy !== undefined){let data3 = data2.retryPolicy;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key2 in data3){if(!((((key2 === "maxRetries") || (key2 === "backoffMultiplier")) || (key2 === "maxDelay")) || (pattern0.test(key2)))){const err4 = {instancePath:instancePath+"/errorHandling/retryPolicy",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema19.properties.retryPolicy,data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data3.maxRetries !== undefined){let data4 = data3.maxRetries;if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){const err5 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxRetries",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxRetries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.retryPolicy.properties.maxRetries.type,parentSchema:schema19.properties.retryPolicy.properties.maxRetries,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if((typeof data4 == "number") && (isFinite(data4))){if(data4 < 0 || isNaN(data4)){const err6 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxRetries",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxRetries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19.properties.retryPolicy.properties.maxRetries,data:data4};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}if(data3.backoffMultiplier !== undefined){let data5 = data3.backoffMultiplier;if((typeof data5 == "number") && (isFinite(data5))){if(data5 < 1 || isNaN(data5)){const err7 = {instancePath:instancePath+"/errorHandling/retryPolicy/backoffMultiplier",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/backoffMultiplier/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema19.properties.retryPolicy.properties.backoffMultiplier,data:data5};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/errorHandling/retryPolicy/backoffMultiplier",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/backoffMultiplier/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.properties.retryPolicy.properties.backoffMultiplier.type,parentSchema:schema19.properties.retryPolicy.properties.backoffMultiplier,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data3.maxDelay !== undefined){let data6 = data3.maxDelay;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err9 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxDelay",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxDelay/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.retryPolicy.properties.maxDelay.type,parentSchema:schema19.properties.retryPolicy.properties.maxDelay,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 < 0 || isNaN(data6)){const err10 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxDelay",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxDelay/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19.properties.retryPolicy.properties.maxDelay,data:data6};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}}else {const err11 = {instancePath:instancePath+"/errorHandling/retryPolicy",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.properties.retryPolicy.type,parentSchema:schema19.properties.retryPolicy,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data2.rollbackStrategy !== undefined){let data7 = data2.rollbackStrategy;if(!((data7 === "automatic") || (data7 === "none"))){const err12 = {instancePath:instancePath+"/errorHandling/rollbackStrategy",schemaPath:"#/definitions/errorHandling/properties/rollbackStrategy/enum",keyword:"enum",params:{allowedValues: schema19.properties.rollbackStrategy.enum},message:"must be equal to one of the allowed values",schema:schema19.properties.rollbackStrategy.enum,parentSchema:schema19.properties.rollbackStrategy,data:data7};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data2.circuitBreaker !== undefined){let data8 = data2.circuitBreaker;if(data8 && typeof data8 == "object" && !Array.isArray(data8)){for(const key3 in data8){if(!((((key3 === "enabled") || (key3 === "failureThreshold")) || (key3 === "timeout")) || (pattern0.test(key3)))){const err13 = {instancePath:instancePath+"/errorHandling/circuitBreaker",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema19.properties.circuitBreaker,data:data8};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data8.enabled !== undefined){let data9 = data8.enabled;if(typeof data9 !== "boolean"){const err14 = {instancePath:instancePath+"/errorHandling/circuitBreaker/enabled",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema19.properties.circuitBreaker.properties.enabled.type,parentSchema:schema19.properties.circuitBreaker.properties.enabled,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data8.failureThreshold !== undefined){let data10 = data8.failureThreshold;if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){const err15 = {instancePath:instancePath+"/errorHandling/circuitBreaker/failureThreshold",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.circuitBreaker.properties.failureThreshold.type,parentSchema:schema19.properties.circuitBreaker.properties.failureThreshold,data:data10};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if((typeof data10 == "number") && (isFinite(data10))){if(data10 < 1 || isNaN(data10)){const err16 = {instancePath:instancePath+"/errorHandling/circuitBreaker/failureThreshold",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema19.properties.circuitBreaker.properties.failureThreshold,data:data10};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}if(data8.timeout !== undefined){let data11 = data8.timeout;if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){const err17 = {instancePath:instancePath+"/errorHandling/circuitBreaker/timeout",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.circuitBreaker.properties.timeout.type,parentSchema:schema19.properties.circuitBreaker.properties.timeout,data:data11};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if((typeof data11 == "number") && (isFinite(data11))){if(data11 < 0 || isNaN(data11)){const err18 = {instancePath:instancePath+"/errorHandling/circuitBreaker/timeout",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19.properties.circuitBreaker.properties.timeout,data:data11};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}}else {const err19 = {instancePath:instancePath+"/errorHandling/circuitBreaker",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.properties.circuitBreaker.type,parentSchema:schema19.properties.circuitBreaker,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/errorHandling",schemaPath:"#/definitions/errorHandling/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data:data2};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.resources !== undefined){if(!(validate16(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData}))){vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);errors = vErrors.length;}}if(data.notifications !== undefined){if(!(validate20(data.notifications, {instancePath:instancePath+"/notifications",parentData:data,parentDataProperty:"notifications",rootData}))){vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);errors = vErrors.length;}}if(data.debug !== undefined){let data14 = data.debug;if(data14 && typeof data14 == "object" && !Array.isArray(data14)){for(const key4 in data14){if(!(((((key4 === "enabled") || (key4 === "logLevel")) || (key4 === "captureOutputs")) || (key4 === "traceDependencies")) || (pattern0.test(key4)))){const err21 = {instancePath:instancePath+"/debug",schemaPath:"#/definitions/debug/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data:data14};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data14.enabled !== undefined){let data15 = data14.enabled;if(typeof data15 !== "boolean"){const err22 = {instancePath:instancePath+"/debug/enabled",schemaPath:"#/definitions/debug/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.enabled.type,parentSchema:schema23.properties.enabled,data:data15};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data14.logLevel !== undefined){let data16 = data14.logLevel;if(typeof data16 !== "string"){const err23 = {instancePath:instancePath+"/debug/logLevel",schemaPath:"#/definitions/debug/properties/logLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.logLevel.type,parentSchema:schema23.properties.logLevel,data:data16};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data14.captureOutputs !== undefined){let data17 = data14.captureOutputs;if(typeof data17 !== "boolean"){const err24 = {instancePath:instancePath+"/debug/captureOutputs",schemaPath:"#/definitions/debug/properties/captureOutputs/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.captureOutputs.type,parentSchema:schema23.properties.captureOutputs,data:data17};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data14.traceDependencies !== undefined){let data18 = data14.traceDependencies;if(typeof data18 !== "boolean"){const err25 = {instancePath:instancePath+"/debug/traceDependencies",schemaPath:"#/definitions/debug/properties/traceDependencies/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.traceDependencies.type,parentSchema:schema23.properties.traceDependencies,data:data18};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}else {const err26 = {instancePath:instancePath+"/debug",schemaPath:"#/definitions/debug/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data:data14};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data.parameters !== undefined){let data19 = data.parameters;if(!(data19 && typeof data19 == "object" && !Array.isArray(data19))){const err27 = {instancePath:instancePath+"/parameters",schemaPath:"#/definitions/parameterValues/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data19};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.workflow !== undefined){if(!(validate22(data.workflow, {instancePath:instancePath+"/workflow",parentData:data,parentDataProperty:"workflow",rootData}))){vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);errors = vErrors.length;}}}else {const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}validate11.errors = vErrors;return errors === 0;}const templateRequest = validate35;const schema42 = {"type":"object","properties":{"$schema":{"type":"string"},"context":{"$ref":"#/definitions/context"},"errorHandling":{"$ref":"#/definitions/errorHandling"},"resources":{"$ref":"#/definitions/requestResources"},"notifications":{"$ref":"#/definitions/notifications"},"debug":{"$ref":"#/definitions/debug"},"parameters":{"$ref":"#/definitions/parameterValues"},"template":{"type":"string","pattern":"^[A-Za-z0-9_][A-Za-z0-9_.-]*$","errorMessage":"must be a template name (letters, digits, _, ., -)"}},"patternProperties":{"^x-":true},"additionalProperties":false,"required":["template"]};const pattern34 = new RegExp("^[A-Za-z0-9_][A-Za-z0-9_.-]*$", "u");function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.template === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "template"},message:"must have required property '"+"template"+"'",schema:schema42.required,parentSchema:schema42,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(((((((((key0 === "$schema") || (key0 === "context")) || (key0 === "errorHandling")) || (key0 === "resources")) || (key0 === "notifications")) || (key0 === "debug")) || (key0 === "parameters")) || (key0 === "template")) || (pattern0.test(key0)))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.$schema !== undefined){let data0 = data.$schema;if(typeof data0 !== "string"){const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.$schema.type,parentSchema:schema42.properties.$schema,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.context !== undefined){if(!(validate12(data.context, {instancePath:instancePath+"/context",parentData:data,parentDataProperty:"context",rootData}))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}}if(data.errorHandling !== undefined){let data2 = data.errorHandling;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){for(const key1 in data2){if(!((((key1 === "retryPolicy") || (key1 === "rollbackStrategy")) || (key1 === "circuitBreaker")) || (pattern0.test(key1)))){const err3 = {instancePath:instancePath+"/errorHandling",schemaPath:"#/definitions/errorHandling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data:data2};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data2.retryPolicy !== undefined){let data3 = data2.retryPolicy;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){for(const key2 in data3){if(!((((key2 === "maxRetries") || (key2 === "backoffMultiplier")) || (key2 === "maxDelay")) || (pattern0.test(key2)))){const err4 = {instancePath:instancePath+"/errorHandling/retryPolicy",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema19.properties.retryPolicy,data:data3};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data3.maxRetries !== undefined){let data4 = data3.maxRetries;if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){const err5 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxRetries",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxRetries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.retryPolicy.properties.maxRetries.type,parentSchema:schema19.properties.retryPolicy.properties.maxRetries,data:data4};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if((typeof data4 == "number") && (isFinite(data4))){if(data4 < 0 || isNaN(data4)){const err6 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxRetries",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxRetries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19.properties.retryPolicy.properties.maxRetries,data:data4};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}if(data3.backoffMultiplier !== undefined){let data5 = data3.backoffMultiplier;if((typeof data5 == "number") && (isFinite(data5))){if(data5 < 1 || isNaN(data5)){const err7 = {instancePath:instancePath+"/errorHandling/retryPolicy/backoffMultiplier",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/backoffMultiplier/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema19.properties.retryPolicy.properties.backoffMultiplier,data:data5};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}else {const err8 = {instancePath:instancePath+"/errorHandling/retryPolicy/backoffMultiplier",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/backoffMultiplier/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema19.properties.retryPolicy.properties.backoffMultiplier.type,parentSchema:schema19.properties.retryPolicy.properties.backoffMultiplier,data:data5};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data3.maxDelay !== undefined){let data6 = data3.maxDelay;if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){const err9 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxDelay",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxDelay/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.retryPolicy.properties.maxDelay.type,parentSchema:schema19.properties.retryPolicy.properties.maxDelay,data:data6};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 < 0 || isNaN(data6)){const err10 = {instancePath:instancePath+"/errorHandling/retryPolicy/maxDelay",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/properties/maxDelay/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19.properties.retryPolicy.properties.maxDelay,data:data6};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}}else {const err11 = {instancePath:instancePath+"/errorHandling/retryPolicy",schemaPath:"#/definitions/errorHandling/properties/retryPolicy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.properties.retryPolicy.type,parentSchema:schema19.properties.retryPolicy,data:data3};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data2.rollbackStrategy !== undefined){let data7 = data2.rollbackStrategy;if(!((data7 === "automatic") || (data7 === "none"))){const err12 = {instancePath:instancePath+"/errorHandling/rollbackStrategy",schemaPath:"#/definitions/errorHandling/properties/rollbackStrategy/enum",keyword:"enum",params:{allowedValues: schema19.properties.rollbackStrategy.enum},message:"must be equal to one of the allowed values",schema:schema19.properties.rollbackStrategy.enum,parentSchema:schema19.properties.rollbackStrategy,data:data7};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data2.circuitBreaker !== undefined){let data8 = data2.circuitBreaker;if(data8 && typeof data8 == "object" && !Array.isArray(data8)){for(const key3 in data8){if(!((((key3 === "enabled") || (key3 === "failureThreshold")) || (key3 === "timeout")) || (pattern0.test(key3)))){const err13 = {instancePath:instancePath+"/errorHandling/circuitBreaker",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema19.properties.circuitBreaker,data:data8};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data8.enabled !== undefined){let data9 = data8.enabled;if(typeof data9 !== "boolean"){const err14 = {instancePath:instancePath+"/errorHandling/circuitBreaker/enabled",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema19.properties.circuitBreaker.properties.enabled.type,parentSchema:schema19.properties.circuitBreaker.properties.enabled,data:data9};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data8.failureThreshold !== undefined){let data10 = data8.failureThreshold;if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){const err15 = {instancePath:instancePath+"/errorHandling/circuitBreaker/failureThreshold",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.circuitBreaker.properties.failureThreshold.type,parentSchema:schema19.properties.circuitBreaker.properties.failureThreshold,data:data10};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if((typeof data10 == "number") && (isFinite(data10))){if(data10 < 1 || isNaN(data10)){const err16 = {instancePath:instancePath+"/errorHandling/circuitBreaker/failureThreshold",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema19.properties.circuitBreaker.properties.failureThreshold,data:data10};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}if(data8.timeout !== undefined){let data11 = data8.timeout;if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){const err17 = {instancePath:instancePath+"/errorHandling/circuitBreaker/timeout",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema19.properties.circuitBreaker.properties.timeout.type,parentSchema:schema19.properties.circuitBreaker.properties.timeout,data:data11};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if((typeof data11 == "number") && (isFinite(data11))){if(data11 < 0 || isNaN(data11)){const err18 = {instancePath:instancePath+"/errorHandling/circuitBreaker/timeout",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema19.properties.circuitBreaker.properties.timeout,data:data11};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}}else {const err19 = {instancePath:instancePath+"/errorHandling/circuitBreaker",schemaPath:"#/definitions/errorHandling/properties/circuitBreaker/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.properties.circuitBreaker.type,parentSchema:schema19.properties.circuitBreaker,data:data8};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/errorHandling",schemaPath:"#/definitions/errorHandling/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data:data2};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.resources !== undefined){if(!(validate16(data.resources, {instancePath:instancePath+"/resources",parentData:data,parentDataProperty:"resources",rootData}))){vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);errors = vErrors.length;}}if(data.notifications !== undefined){if(!(validate20(data.notifications, {instancePath:instancePath+"/notifications",parentData:data,parentDataProperty:"notifications",rootData}))){vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);errors = vErrors.length;}}if(data.debug !== undefined){let data14 = data.debug;if(data14 && typeof data14 == "object" && !Array.isArray(data14)){for(const key4 in data14){if(!(((((key4 === "enabled") || (key4 === "logLevel")) || (key4 === "captureOutputs")) || (key4 === "traceDependencies")) || (pattern0.test(key4)))){const err21 = {instancePath:instancePath+"/debug",schemaPath:"#/definitions/debug/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data:data14};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data14.enabled !== undefined){let data15 = data14.enabled;if(typeof data15 !== "boolean"){const err22 = {instancePath:instancePath+"/debug/enabled",schemaPath:"#/definitions/debug/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.enabled.type,parentSchema:schema23.properties.enabled,data:data15};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data14.logLevel !== undefined){let data16 = data14.logLevel;if(typeof data16 !== "string"){const err23 = {instancePath:instancePath+"/debug/logLevel",schemaPath:"#/definitions/debug/properties/logLevel/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.logLevel.type,parentSchema:schema23.properties.logLevel,data:data16};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data14.captureOutputs !== undefined){let data17 = data14.captureOutputs;if(typeof data17 !== "boolean"){const err24 = {instancePath:instancePath+"/debug/captureOutputs",schemaPath:"#/definitions/debug/properties/captureOutputs/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.captureOutputs.type,parentSchema:schema23.properties.captureOutputs,data:data17};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data14.traceDependencies !== undefined){let data18 = data14.traceDependencies;if(typeof data18 !== "boolean"){const err25 = {instancePath:instancePath+"/debug/traceDependencies",schemaPath:"#/definitions/debug/properties/traceDependencies/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema23.properties.traceDependencies.type,parentSchema:schema23.properties.traceDependencies,data:data18};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}else {const err26 = {instancePath:instancePath+"/debug",schemaPath:"#/definitions/debug/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data:data14};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data.parameters !== undefined){let data19 = data.parameters;if(!(data19 && typeof data19 == "object" && !Array.isArray(data19))){const err27 = {instancePath:instancePath+"/parameters",schemaPath:"#/definitions/parameterValues/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.type,parentSchema:schema24,data:data19};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.template !== undefined){let data20 = data.template;if(typeof data20 === "string"){if(!pattern34.test(data20)){const err28 = {instancePath:instancePath+"/template",schemaPath:"#/properties/template/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_][A-Za-z0-9_.-]*$"+"\"",schema:"^[A-Za-z0-9_][A-Za-z0-9_.-]*$",parentSchema:schema42.properties.template,data:data20};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}else {const err29 = {instancePath:instancePath+"/template",schemaPath:"#/properties/template/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.template.type,parentSchema:schema42.properties.template,data:data20};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}validate35.errors = vErrors;return errors === 0;}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function js_yaml_visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) js_yaml_visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		js_yaml_visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/definition/source-map.ts
/**
 * Definition text → value, plus an index from JSON pointer (`/workflow/steps/2/command`) to where that
 * key and value stand in the file, so every later complaint can name a line and a column. YAML and JSON
 * go through the same YAML parser (JSON is YAML 1.2 flow syntax), walked once as an event stream; the
 * loader reads most JSON files through json-fast-path.ts instead and comes here only when it must.
 */


const DEFAULT_PARSE_LIMITS = { maxDepth: 64, maxAliases: 100, maxAliasExpansion: 10_000 };
/** Escapes one JSON-pointer segment (RFC 6901), the same way ajv's `instancePath` does. */
function pointerSegment(segment) {
    return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}
/** The pointer one level up; the root's parent is undefined. */
function parentPointer(pointer) {
    if (pointer === '')
        return undefined;
    return pointer.slice(0, pointer.lastIndexOf('/'));
}
/** Line starts of a text, for turning offsets into 1-based lines and columns. */
class LineIndex {
    #lineStarts;
    constructor(text) {
        this.#lineStarts = lineStarts(text);
    }
    position(offset) {
        let low = 0;
        let high = this.#lineStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (this.#lineStarts[middle] <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        return { line: low + 1, column: offset - this.#lineStarts[low] + 1 };
    }
}
/** The location index of one parsed file. */
class SourceMap {
    file;
    text;
    #entries;
    #lines;
    constructor(file, text, entries) {
        this.file = file;
        this.text = text;
        this.#entries = entries;
        this.#lines = new LineIndex(text);
    }
    /** The entry recorded exactly at `pointer` (none under aliases or for a missing key). */
    entry(pointer) {
        return this.#entries.get(pointer);
    }
    /** The nearest recorded node at or above `pointer`, with the pointer it was found at. */
    nearest(pointer) {
        for (let p = pointer; p !== undefined; p = parentPointer(p)) {
            const entry = this.#entries.get(p);
            if (entry)
                return { pointer: p, entry };
        }
        return undefined;
    }
    position(offset) {
        return this.#lines.position(offset);
    }
    /**
     * Where 1-based `column` of the string at `pointer` stands in the file, when the string's text in the
     * file can be mapped character by character: one-line plain, single- and double-quoted scalars
     * (escapes accounted for), and literal `|` blocks (line by line, after the block's indentation).
     * Folded `>` blocks and multi-line quoted strings fold lines, so they give undefined (callers fall back
     * to the value's start).
     */
    positionInString(pointer, column) {
        const scalar = this.#entries.get(pointer)?.scalar;
        if (!scalar)
            return undefined;
        const offset = offsetInScalar(this.text, scalar, column - 1);
        return offset === undefined ? undefined : this.position(offset);
    }
    /** The decoded text of the scalar at `pointer`, if one is recorded there. */
    scalarText(pointer) {
        const scalar = this.#entries.get(pointer)?.scalar;
        return scalar ? getScalarValue(this.text, scalar) : undefined;
    }
}
function lineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (isLineEnd(text, i))
            starts.push(i + 1);
    return starts;
}
/** YAML ends a line at LF, at CRLF (on its LF) and at a lone CR. */
function isLineEnd(text, i) {
    const c = text.charCodeAt(i);
    return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}
/** File offset of the character at `index` of a scalar's decoded value, where it can be known. */
function offsetInScalar(text, scalar, index) {
    const raw = text.slice(scalar.valueStart, scalar.valueEnd);
    switch (scalar.style) {
        case SCALAR_STYLE.PLAIN:
            return raw.includes('\n') ? undefined : scalar.valueStart + Math.min(index, raw.length);
        case SCALAR_STYLE.SINGLE_QUOTED:
            return raw.includes('\n') ? undefined : scalar.valueStart + rawIndex(raw, index, singleQuotedWidth);
        case SCALAR_STYLE.DOUBLE_QUOTED:
            return raw.includes('\n') ? undefined : scalar.valueStart + rawIndex(raw, index, doubleQuotedWidth);
        case SCALAR_STYLE.LITERAL_BLOCK:
            return literalBlockOffset(text, scalar, index);
        case SCALAR_STYLE.FOLDED_BLOCK:
            return undefined;
        default:
            return undefined;
    }
}
const singleQuotedWidth = (raw, i) => (raw[i] === "'" && raw[i + 1] === "'" ? { raw: 2, decoded: 1 } : { raw: 1, decoded: 1 });
const doubleQuotedWidth = (raw, i) => {
    if (raw[i] !== '\\')
        return { raw: 1, decoded: 1 };
    switch (raw[i + 1]) {
        case 'x':
            return { raw: 4, decoded: 1 };
        case 'u':
            return { raw: 6, decoded: 1 };
        case 'U': {
            const codePoint = Number.parseInt(raw.slice(i + 2, i + 10), 16);
            return { raw: 10, decoded: codePoint > 0xffff ? 2 : 1 };
        }
        default:
            return { raw: 2, decoded: 1 };
    }
};
function rawIndex(raw, decodedIndex, width) {
    let rawPosition = 0;
    let decoded = 0;
    while (rawPosition < raw.length) {
        const w = width(raw, rawPosition);
        if (decoded + w.decoded > decodedIndex)
            break;
        decoded += w.decoded;
        rawPosition += w.raw;
    }
    return Math.min(rawPosition, raw.length);
}
/** Literal blocks keep lines as written: line k of the value is content line k of the block. */
function literalBlockOffset(text, scalar, index) {
    const value = getScalarValue(text, scalar);
    const before = value.slice(0, index);
    const lineOfValue = before.split('\n').length - 1;
    const columnInLine = index - (before.lastIndexOf('\n') + 1);
    let lineStart = scalar.valueStart;
    for (let k = 0; k < lineOfValue; k++) {
        const next = text.indexOf('\n', lineStart);
        if (next === -1 || next >= scalar.valueEnd)
            return undefined;
        lineStart = next + 1;
    }
    const indent = indentationOf(text, lineStart);
    return lineStart + indent + columnInLine;
}
function indentationOf(text, lineStart) {
    let i = lineStart;
    while (text[i] === ' ')
        i++;
    return i - lineStart;
}
/** Where a node's text begins: quoted scalars include their opening quote. */
function nodeOffset(event, text) {
    switch (event.type) {
        case EVENT_ID.SCALAR:
            return scalarStart(event, text);
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
            return event.start;
        case EVENT_ID.ALIAS:
            return Math.max(0, event.anchorStart - 1);
        default:
            return 0;
    }
}
function scalarStart(event, text) {
    // An empty value (`key:` with nothing after it) has no text: its anchor or tag, else unknown (-1).
    if (event.valueStart < 0)
        return event.anchorStart >= 0 ? event.anchorStart - 1 : event.tagStart;
    if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED)
        return Math.max(0, event.valueStart - 1);
    if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
        // valueStart is the first content line's start; point at its first non-space character.
        return event.valueStart + indentationOf(text, event.valueStart);
    }
    return event.valueStart;
}
/**
 * Parses one YAML or JSON document and indexes it by JSON pointer in the same walk. Every parse problem
 * (syntax, duplicate key, unknown tag, too deep, too many aliases, alias expansion, several documents, an
 * empty file) comes back as a located failure.
 */
function parseDocument(text, file, syntax, limits = DEFAULT_PARSE_LIMITS) {
    let events;
    try {
        events = parseEvents(text, { filename: file, maxDepth: limits.maxDepth });
    }
    catch (error) {
        return err(yamlFailure(error));
    }
    if (syntax === 'json') {
        const notJson = firstNonJsonNode(events, text);
        if (notJson)
            return err(notJson);
    }
    const walked = indexEvents(events, text, limits);
    if (!walked.ok)
        return err(walked.error);
    if (syntax === 'json' && events.length > 0) {
        // What the event walk cannot see (comments, trailing commas) JSON.parse still rejects.
        try {
            JSON.parse(text);
        }
        catch (error) {
            return err(jsonParseFailure(error, text));
        }
    }
    let documents;
    try {
        documents = constructFromEvents(events, { source: text, filename: file, maxAliases: limits.maxAliases });
    }
    catch (error) {
        return err(yamlFailure(error));
    }
    if (documents.length === 0)
        return err({ message: 'the file is empty', position: { line: 1, column: 1 } });
    return ok({ value: documents[0], map: new SourceMap(file, text, walked.value) });
}
const JSON_PLAIN_SCALAR = /^(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null)$/;
/**
 * A `.json` file is parsed by the YAML parser for its locations, but must not lean on YAML-only syntax:
 * block collections, unquoted or single-quoted strings, anchors, aliases and tags.
 */
function firstNonJsonNode(events, text) {
    for (const event of events) {
        let problem;
        switch (event.type) {
            case EVENT_ID.DOCUMENT:
            case EVENT_ID.POP:
                break;
            case EVENT_ID.ALIAS:
                problem = 'YAML aliases are not JSON';
                break;
            case EVENT_ID.MAPPING:
            case EVENT_ID.SEQUENCE:
                if (event.style !== COLLECTION_STYLE.FLOW)
                    problem = 'YAML block syntax is not JSON';
                else if (event.anchorStart >= 0 || event.tagStart >= 0)
                    problem = 'YAML anchors and tags are not JSON';
                break;
            case EVENT_ID.SCALAR: {
                const raw = text.slice(event.valueStart, event.valueEnd);
                if (event.anchorStart >= 0 || event.tagStart >= 0)
                    problem = 'YAML anchors and tags are not JSON';
                else if (event.style === SCALAR_STYLE.PLAIN && !JSON_PLAIN_SCALAR.test(raw))
                    problem = `unexpected '${raw.slice(0, 20)}': strings must be double-quoted`;
                else if (event.style !== SCALAR_STYLE.PLAIN && event.style !== SCALAR_STYLE.DOUBLE_QUOTED)
                    problem = 'strings must be double-quoted';
                break;
            }
            default:
                break;
        }
        if (problem !== undefined)
            return { message: `JSON syntax error: ${problem}`, position: positionOf(text, nodeOffset(event, text)) };
    }
    return undefined;
}
/** Newer V8 messages carry `(line L column C)` or `at position N`; without either, the file's start. */
function jsonParseFailure(error, text) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn)
        return { message: `JSON syntax error: ${message}`, position: { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } };
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : 0;
    return { message: `JSON syntax error: ${message}`, position: positionOf(text, offset) };
}
function yamlFailure(error) {
    if (typeof error === 'object' && error !== null && 'reason' in error && typeof error.reason === 'string') {
        const mark = 'mark' in error ? error.mark : undefined;
        const line = typeof mark?.line === 'number' ? mark.line + 1 : 1;
        const column = typeof mark?.column === 'number' ? mark.column + 1 : 1;
        return { message: error.reason, position: { line, column } };
    }
    return { message: error instanceof Error ? error.message : String(error), position: { line: 1, column: 1 } };
}
function indexEvents(events, text, limits) {
    const entries = new Map();
    const anchorSizes = new Map();
    const stack = [];
    let documentCount = 0;
    let aliasExpansion = 0;
    /** Where the last node stood: the place of a node that has no text of its own. */
    let lastOffset = 0;
    /** Anchors of collections still open: an alias to one of them would make the value contain itself. */
    const openAnchors = new Set();
    const at = (offset) => positionOf(text, offset);
    for (const event of events) {
        if (event.type === EVENT_ID.DOCUMENT) {
            documentCount++;
            if (documentCount > 1) {
                const next = events[events.indexOf(event) + 1];
                const nextOffset = next ? nodeOffset(next, text) : text.length;
                return err({ message: 'a definition file holds one YAML document; found a second one', position: at(nextOffset >= 0 ? nextOffset : lastOffset) });
            }
            stack.push({ kind: 'skipped', pointer: '', size: 0, itemIndex: 0 });
            continue;
        }
        if (event.type === EVENT_ID.POP) {
            const frame = stack.pop();
            const parent = stack[stack.length - 1];
            if (frame && parent)
                parent.size += frame.size;
            if (frame?.anchor !== undefined) {
                anchorSizes.set(frame.anchor, frame.size);
                openAnchors.delete(frame.anchor);
            }
            continue;
        }
        const parent = stack[stack.length - 1];
        if (!parent)
            continue;
        const known = nodeOffset(event, text);
        const offset = known >= 0 ? known : (parent.pendingKey?.offset ?? lastOffset);
        lastOffset = offset;
        const anchor = 'anchorStart' in event && event.anchorStart >= 0 && event.type !== EVENT_ID.ALIAS ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
        if (event.type === EVENT_ID.ALIAS) {
            const name = text.slice(event.anchorStart, event.anchorEnd);
            if (openAnchors.has(name)) {
                return err({ message: `alias *${name} stands inside the node it names: a definition cannot contain itself`, position: at(offset) });
            }
            const added = anchorSizes.get(name) ?? 1;
            aliasExpansion += added;
            if (aliasExpansion > limits.maxAliasExpansion) {
                return err({ message: `aliases expand to more than ${limits.maxAliasExpansion} nodes (a YAML alias bomb?)`, position: at(offset) });
            }
            parent.size += added;
        }
        else {
            parent.size += 1;
        }
        // A mapping alternates key, value; a key that is not a scalar gets its subtree skipped.
        if (parent.kind === 'mapping' && parent.pendingKey === undefined) {
            const segment = event.type === EVENT_ID.SCALAR ? pointerSegment(getScalarValue(text, event)) : null;
            parent.pendingKey = { segment, offset };
            if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE)
                stack.push({ kind: 'skipped', pointer: '', size: 0, itemIndex: 0 });
            continue;
        }
        let pointer = null;
        let keyOffset;
        if (parent.kind === 'mapping' && parent.pendingKey) {
            pointer = parent.pendingKey.segment === null ? null : `${parent.pointer}/${parent.pendingKey.segment}`;
            keyOffset = parent.pendingKey.offset;
            parent.pendingKey = undefined;
        }
        else if (parent.kind === 'sequence') {
            pointer = `${parent.pointer}/${parent.itemIndex}`;
            parent.itemIndex++;
        }
        else if (stack.length === 1 && !entries.has('')) {
            pointer = '';
        }
        if (pointer !== null) {
            const entry = {
                ...(keyOffset !== undefined ? { keyOffset } : {}),
                valueOffset: offset,
                ...(event.type === EVENT_ID.SCALAR ? { scalar: event } : {}),
            };
            entries.set(pointer, entry);
        }
        if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
            const kind = pointer === null ? 'skipped' : event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence';
            stack.push({ kind, pointer: pointer ?? '', size: 0, itemIndex: 0, ...(anchor !== undefined ? { anchor } : {}) });
            if (anchor !== undefined)
                openAnchors.add(anchor);
        }
        else if (anchor !== undefined) {
            anchorSizes.set(anchor, 1);
            openAnchors.delete(anchor);
        }
    }
    return ok(entries);
}
function positionOf(text, at) {
    // A node without text of its own (an empty value) has no offset; the file's start beats column 0.
    const offset = Math.max(0, at);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (!isLineEnd(text, i))
            continue;
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}

;// CONCATENATED MODULE: ./src/definition/schema-check.ts

// Precompiled from the schema by scripts/build-schema-validator.mjs (npm run bundle): compiling it with
// ajv at start-up cost ~100 ms, most of a one-step CLI run. A test keeps the two in step.


/** The schema as shipped, for tests and tools. */
const workflowSchema = (/* unused pure expression or super */ null && (schema));
function validatorFor(definition) {
    return workflow_validators_namespaceObject[definition];
}
/** Every schema violation in `document`, located through `locator`, in document order of discovery. */
function checkSchema(document, definition, locator) {
    const validate = validatorFor(definition);
    if (validate(document))
        return [];
    const diagnostics = [];
    const seen = new Set();
    for (const error of validate.errors ?? []) {
        const described = describeError(error, document);
        if (!described)
            continue;
        const location = locator.locate(described.pointer, described.part);
        const key = `${location.file}:${location.line}:${location.column}:${described.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        diagnostics.push({ severity: 'error', message: described.message, location });
    }
    return diagnostics;
}
function describeError(error, document) {
    const path = error.instancePath;
    const subject = describePath(path, document);
    const where = subject === '' ? '' : `${subject}: `;
    const params = error.params;
    // Errors inside `propertyNames` are about a key, not a value.
    if (error.propertyName !== undefined) {
        const keyPointer = `${path}/${pointerSegment(error.propertyName)}`;
        const meaning = schemaErrorMessage(error) ?? error.message ?? 'is not allowed';
        if (error.keyword === 'enum')
            return undefined;
        return { message: `${where}key '${error.propertyName}' ${meaning}`, pointer: keyPointer, part: 'key' };
    }
    switch (error.keyword) {
        case 'if':
        case 'propertyNames':
            return undefined;
        case 'additionalProperties': {
            const key = String(params.additionalProperty);
            const hint = suggestion(key, error.parentSchema);
            return { message: `${where}unknown key '${key}'${hint}`, pointer: `${path}/${pointerSegment(key)}`, part: 'key' };
        }
        case 'required':
            return { message: `${where}missing required key '${String(params.missingProperty)}'`, pointer: path, part: 'value' };
        case 'type':
            return { message: `${subjectOrValue(subject)} must be ${typeWords(params.type)}${got(error.data)}`, pointer: path, part: 'value' };
        case 'pattern':
            return { message: `${subjectOrValue(subject)} ${JSON.stringify(error.data)} ${schemaErrorMessage(error) ?? `must match ${String(params.pattern)}`}`, pointer: path, part: 'value' };
        case 'enum': {
            const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(String).join(', ') : '';
            return { message: `${subjectOrValue(subject)} must be one of: ${allowed}${got(error.data)}`, pointer: path, part: 'value' };
        }
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            return { message: `${subjectOrValue(subject)} must be ${String(params.comparison)} ${String(params.limit)}${got(error.data)}`, pointer: path, part: 'value' };
        case 'minItems':
            return { message: `${subjectOrValue(subject)} must have at least ${String(params.limit)} item(s)`, pointer: path, part: 'value' };
        case 'minLength':
            return { message: `${subjectOrValue(subject)} must not be empty`, pointer: path, part: 'value' };
        case 'minProperties':
        case 'maxProperties':
            return { message: `${subjectOrValue(subject)} ${error.message ?? 'has the wrong number of keys'}`, pointer: path, part: 'value' };
        default:
            return { message: `${subjectOrValue(subject)} ${error.message ?? 'is not valid'}`, pointer: path, part: 'value' };
    }
}
function subjectOrValue(subject) {
    return subject === '' ? 'the definition' : subject;
}
function schemaErrorMessage(error) {
    const parent = error.parentSchema;
    return typeof parent?.errorMessage === 'string' ? parent.errorMessage : undefined;
}
function typeWords(type) {
    const names = (Array.isArray(type) ? type : String(type).split(',')).map(String);
    const words = names.map((name) => (name === 'integer' ? 'an integer' : name === 'array' ? 'a list' : name === 'object' ? 'a mapping' : `a ${name}`));
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? 'valid');
}
function got(data) {
    if (data === null)
        return ' (got null)';
    if (Array.isArray(data))
        return ' (got a list)';
    if (typeof data === 'object')
        return ' (got a mapping)';
    const text = JSON.stringify(data) ?? String(data);
    return ` (got ${text.length > 40 ? `${text.slice(0, 37)}...` : text})`;
}
/** `/workflow/steps/2/resources/cpu` → `step 'build': resources.cpu`; other paths dotted. */
function describePath(pointer, document) {
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments[0] === 'workflow' && segments[1] === 'steps' && segments[2] !== undefined) {
        const index = Number(segments[2]);
        const id = stepIdAt(document, index);
        const step = id === undefined ? `step ${index + 1}` : `step '${id}'`;
        const rest = dotted(segments.slice(3));
        return rest === '' ? step : `${step}: ${rest}`;
    }
    return dotted(segments);
}
function dotted(segments) {
    let text = '';
    for (const segment of segments) {
        if (/^[0-9]+$/.test(segment))
            text += `[${segment}]`;
        else
            text += text === '' ? segment : `.${segment}`;
    }
    return text;
}
function stepIdAt(document, index) {
    if (typeof document !== 'object' || document === null)
        return undefined;
    const workflow = document.workflow;
    if (typeof workflow !== 'object' || workflow === null)
        return undefined;
    const steps = workflow.steps;
    if (!Array.isArray(steps))
        return undefined;
    const step = steps[index];
    if (typeof step !== 'object' || step === null)
        return undefined;
    const id = step.id;
    return typeof id === 'string' ? id : undefined;
}
/** ` (did you mean 'command'?)` when a known key is within two edits of the unknown one. */
function suggestion(key, parentSchema) {
    const properties = parentSchema?.properties;
    if (!properties)
        return '';
    let best;
    let bestDistance = 3;
    for (const candidate of Object.keys(properties)) {
        const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best === undefined ? '' : ` (did you mean '${best}'?)`;
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 2)
        return 3;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/definition/locator.ts

class Locator {
    /** By prefix; a pointer is resolved by its longest prefix that has a mount. */
    #mounts;
    constructor(mounts) {
        this.#mounts = new Map(mounts.map((m) => [m.prefix, m]));
    }
    /** A locator with more mounts, which replace existing ones with the same prefix. */
    with(...mounts) {
        return new Locator([...this.#mounts.values(), ...mounts]);
    }
    /** The file a pointer comes from, and the pointer within it. */
    resolve(pointer) {
        for (let prefix = pointer; prefix !== undefined; prefix = parentPointer(prefix)) {
            const mount = this.#mounts.get(prefix);
            if (mount)
                return { map: mount.map, pointer: mount.target + pointer.slice(prefix.length) };
        }
        return undefined;
    }
    /**
     * Where the node at `pointer` stands; a node the file does not hold (a missing key, something under an
     * alias, a default) is located at its nearest ancestor that it does hold.
     */
    locate(pointer, part = 'value') {
        const resolved = this.resolve(pointer);
        if (!resolved)
            return { file: '<unknown>', line: 1, column: 1 };
        const { map } = resolved;
        const found = map.nearest(resolved.pointer);
        if (!found)
            return { file: map.file, line: 1, column: 1 };
        const exact = found.pointer === resolved.pointer;
        const offset = exact && part === 'key' ? (found.entry.keyOffset ?? found.entry.valueOffset) : found.entry.valueOffset;
        return { file: map.file, ...map.position(offset) };
    }
    /**
     * Where 1-based `column` of the string `text` at `pointer` stands. The column is mapped character by
     * character only when the file holds exactly `text` there (not after substitution or merging, and not
     * in a folded block); otherwise it is the value's start.
     */
    locateInString(pointer, text, column) {
        const resolved = this.resolve(pointer);
        if (resolved && resolved.map.scalarText(resolved.pointer) === text) {
            const position = resolved.map.positionInString(resolved.pointer, column);
            if (position)
                return { file: resolved.map.file, ...position };
        }
        return this.locate(pointer);
    }
}

;// CONCATENATED MODULE: ./src/definition/shapes.ts
/**
 * The three top-level shapes of a definition (SPEC §2) and how an execution request or a bare workflow
 * becomes the one normalized form, `{workflow, context?, errorHandling?, resources?, notifications?,
 * debug?, parameters?}`, with a locator that still points into the file as written.
 */


/** Keys of a bare workflow that belong to the request, not the workflow. */
const LIFTED_KEYS = new Set(['context', 'errorHandling', 'notifications', 'debug']);
const REQUEST_RESOURCE_KEYS = new Set(['limits', 'requests', 'autoScaling']);
/** `workflow` wins over `template`, which wins over `steps`; none of them: not a definition. */
function detectShape(document) {
    if (Object.hasOwn(document, 'workflow'))
        return 'execution';
    if (Object.hasOwn(document, 'template'))
        return 'template';
    if (Object.hasOwn(document, 'steps'))
        return 'bare';
    return undefined;
}
/**
 * In a bare workflow, `resources` whose keys are all `limits`, `requests` or `autoScaling` is the
 * request's; any other key makes it the per-step map of the workflow.
 */
function isRequestResources(resources) {
    return isRecord(resources) && Object.keys(resources).every((key) => REQUEST_RESOURCE_KEYS.has(key));
}
/** An execution request or a bare workflow as the normalized form; `$schema` is dropped. */
function normalizeShape(document, shape, map) {
    const root = new Locator([{ prefix: '', map, target: '' }]);
    const { $schema: _schema, ...rest } = document;
    if (shape === 'execution')
        return { draft: rest, locator: root };
    const workflowEntries = [];
    const requestEntries = [];
    for (const [key, value] of Object.entries(rest)) {
        const lifted = LIFTED_KEYS.has(key) || (key === 'resources' && isRequestResources(value));
        (lifted ? requestEntries : workflowEntries).push([key, value]);
    }
    const draft = { ...Object.fromEntries(requestEntries), workflow: Object.fromEntries(workflowEntries) };
    return { draft, locator: root.with({ prefix: '/workflow', map, target: '' }) };
}

;// CONCATENATED MODULE: ./src/definition/json-fast-path.ts

/**
 * Containers this deep (the root is 0) are recorded: `/workflow/steps/3` is 3, `/steps/3` of a bare
 * workflow 2. Deeper nodes are only ever asked for by diagnostics.
 */
const RECORDED_DEPTH = 3;
/** The YAML parser's own test (js-yaml's PATTERN_NON_PRINTABLE): such text must get its error. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** The parsed document, or undefined when the text must take the slow path (parseDocument). */
function parseJsonFast(text, file, limits) {
    if (NON_PRINTABLE.test(text))
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        // The slow path says where and why, as it always did.
        return undefined;
    }
    // The YAML parser counts every node towards its depth limit; stopping short of it keeps the boundary
    // case on the path that reports it.
    const entries = scanContainers(text, limits.maxDepth - 2);
    if (!entries)
        return undefined;
    return { value, map: new JsonSourceIndex(file, text, entries) };
}
/** The recorded containers; the full index answers everything else. */
class JsonSourceIndex {
    file;
    #text;
    #entries;
    #lines = null;
    #full = null;
    constructor(file, text, entries) {
        this.file = file;
        this.#text = text;
        this.#entries = entries;
    }
    entry(pointer) {
        return this.#entries.get(pointer) ?? this.#fullIndex().entry(pointer);
    }
    nearest(pointer) {
        // Only an exact hit is the full index's answer too: a deeper node may be recorded there.
        const entry = this.#entries.get(pointer);
        return entry ? { pointer, entry } : this.#fullIndex().nearest(pointer);
    }
    position(offset) {
        this.#lines ??= new LineIndex(this.#text);
        return this.#lines.position(offset);
    }
    positionInString(pointer, column) {
        return this.#fullIndex().positionInString(pointer, column);
    }
    scalarText(pointer) {
        return this.#fullIndex().scalarText(pointer);
    }
    #fullIndex() {
        if (!this.#full) {
            const parsed = parseDocument(this.#text, this.file, 'json');
            // The text passed JSON.parse and the checks above, so this cannot fail; if the YAML parser still
            // refuses it, locations fall back to the file's start rather than the load failing.
            this.#full = parsed.ok && parsed.value.map instanceof SourceMap ? parsed.value.map : new SourceMap(this.file, this.#text, new Map());
        }
        return this.#full;
    }
}
/**
 * One pass over text that JSON.parse accepted: records each container at most RECORDED_DEPTH deep the
 * way the event index does (value offset at its bracket, key offset at its key's opening quote).
 * Undefined when a mapping repeats a key or nesting reaches `maxDepth`.
 */
function scanContainers(text, maxDepth) {
    const entries = new Map();
    const stack = [];
    let i = 0;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */) {
            const end = stringEnd(text, i);
            const parent = stack[stack.length - 1];
            if (parent?.isObject && parent.key === null) {
                const raw = text.slice(i + 1, end);
                const key = raw.includes('\\') ? JSON.parse(text.slice(i, end + 1)) : raw;
                if (parent.keys.has(key))
                    return undefined;
                parent.keys.add(key);
                parent.key = { segment: pointerSegment(key), offset: i };
            }
            else {
                valueSeen(parent);
            }
            i = end + 1;
            continue;
        }
        if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
            if (stack.length >= maxDepth)
                return undefined;
            const parent = stack[stack.length - 1];
            const place = valueSeen(parent);
            const pointer = place && stack.length <= RECORDED_DEPTH ? place.pointer : null;
            if (pointer !== null && place)
                entries.set(pointer, place.keyOffset === undefined ? { valueOffset: i } : { keyOffset: place.keyOffset, valueOffset: i });
            stack.push({ isObject: c === 0x7b, pointer, keys: new Set(), itemIndex: 0, key: null });
        }
        else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
            stack.pop();
        }
        else if (c !== 0x2c /* , */ && c !== 0x3a /* : */ && !isJsonSpace(c)) {
            // A number, true, false or null: one value, whatever its length.
            valueSeen(stack[stack.length - 1]);
            while (i + 1 < text.length && !isDelimiter(text.charCodeAt(i + 1)))
                i++;
        }
        i++;
    }
    return entries;
}
/** A value starts in `parent`: its pointer (when recorded) and the offset of its key, if any. */
function valueSeen(parent) {
    if (!parent)
        return { pointer: '' };
    if (parent.isObject) {
        const key = parent.key;
        parent.key = null;
        return parent.pointer === null || key === null ? null : { pointer: `${parent.pointer}/${key.segment}`, keyOffset: key.offset };
    }
    const index = parent.itemIndex++;
    return parent.pointer === null ? null : { pointer: `${parent.pointer}/${index}` };
}
/** Offset of the closing quote of the string opening at `start`. */
function stringEnd(text, start) {
    let i = start + 1;
    for (;;) {
        const quote = text.indexOf('"', i);
        // JSON.parse accepted the text, so every string closes.
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === 0x5c)
            backslashes++;
        if (backslashes % 2 === 0)
            return quote;
        i = quote + 1;
    }
}
function isJsonSpace(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
function isDelimiter(c) {
    return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x3a || isJsonSpace(c);
}

;// CONCATENATED MODULE: ./src/templates/builtin/ci-cd-pipeline.ts
/** The built-in `ci-cd-pipeline` template (SPEC §8), as YAML text so that the bundle carries it. */
const ciCdPipeline = `# Built-in template "ci-cd-pipeline": check out, build, test (one step per suite), scan, deploy (one
# step per environment), smoke-test each deployment, report. Every step does its small real work on
# files under a scratch folder, so the pipeline runs anywhere bash and coreutils do.
name: "CI/CD pipeline: \${{ parameters.repository }}@\${{ parameters.branch }}"
description: Build, test, scan and deploy an application, one test step per suite and one deployment per environment.
parameters:
  repository:
    type: string
    required: true
    description: Name of the application repository.
  branch:
    type: string
    default: main
    description: Branch to build.
  environments:
    type: array
    default: [staging, production]
    description: Environments to deploy to, one deploy step each.
  testSuites:
    type: array
    default: [unit, integration]
    description: Test suites to run, one step each.
steps:
  - id: checkout
    name: Check out \${{ parameters.repository }}@\${{ parameters.branch }}
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ci-$TASK_WORKFLOW_ID"
      rm -rf "$work" && mkdir -p "$work/src"
      printf 'repository=%s\\nbranch=%s\\n' \${{ parameters.repository }} \${{ parameters.branch }} > "$work/src/REVISION"
      printf 'greet() { echo "hello from %s"; }\\n' \${{ parameters.repository }} > "$work/src/app.sh"
      revision=$(cksum < "$work/src/REVISION" | cut -d' ' -f1)
      echo "workdir=$work" >> "$TASK_OUTPUT"
      echo "revision=$revision" >> "$TASK_OUTPUT"
      echo "checked out revision $revision into $work"
    timeout: 60000
  - id: build
    name: Build
    command: |
      work="\${{ steps.checkout.outputs.workdir }}"
      mkdir -p "$work/dist"
      tar -C "$work/src" -czf "$work/dist/app.tgz" .
      size=$(wc -c < "$work/dist/app.tgz" | tr -d ' ')
      echo "artifact=$work/dist/app.tgz" >> "$TASK_OUTPUT"
      echo "built $work/dist/app.tgz ($size bytes)"
    timeout: 120000
    retries: 1
  - id: test
    name: Test (\${{ matrix.suite }})
    matrix:
      suite: \${{ parameters.testSuites }}
    command: |
      artifact="\${{ steps.build.outputs.artifact }}"
      scratch=$(mktemp -d)
      tar -C "$scratch" -xzf "$artifact"
      . "$scratch/app.sh"
      greet | grep -q hello
      echo "suite \${{ matrix.suite }}: $(ls "$scratch" | wc -l | tr -d ' ') files checked, all passed"
      rm -rf "$scratch"
    timeout: 300000
  - id: security_scan
    name: Security scan
    command: |
      work="\${{ steps.checkout.outputs.workdir }}"
      if grep -rniE 'password *=|secret *=' "$work/src"; then
        echo "::error::credentials found in the sources"
        exit 1
      fi
      echo "no credentials found in $(find "$work/src" -type f | wc -l | tr -d ' ') files"
    timeout: 120000
  - id: deploy
    name: Deploy to \${{ matrix.env }}
    matrix:
      env: \${{ parameters.environments }}
    condition: on_success(test, security_scan)
    command: |
      target="\${{ steps.checkout.outputs.workdir }}/deployments/\${{ matrix.env }}"
      mkdir -p "$target"
      tar -C "$target" -xzf "\${{ steps.build.outputs.artifact }}"
      echo "deployed=$target" >> "$TASK_OUTPUT"
      echo "deployed to $target"
    rollback: rm -rf "\${{ steps.checkout.outputs.workdir }}/deployments/\${{ matrix.env }}"
    timeout: 180000
  - id: smoke_test
    name: Smoke test \${{ matrix.env }}
    matrix:
      env: \${{ parameters.environments }}
    command: |
      target="\${{ steps.checkout.outputs.workdir }}/deployments/\${{ matrix.env }}"
      test -s "$target/REVISION"
      . "$target/app.sh" && greet
    retries: 2
    retryDelay: 500
    timeout: 60000
  - id: report
    name: Report
    condition: always()
    command: |
      work="\${{ steps.checkout.outputs.workdir }}"
      echo "deployments: $(ls "$work/deployments" 2>/dev/null | tr '\\n' ' ')"
      if [ -n "$work" ]; then rm -rf "$work"; fi
dependencies:
  - { from: checkout, to: build }
  - { from: build, to: test }
  - { from: checkout, to: security_scan }
  - { from: test, to: deploy }
  - { from: security_scan, to: deploy }
  - { from: deploy, to: smoke_test }
  - { from: smoke_test, to: report, condition: always }
`;

;// CONCATENATED MODULE: ./src/templates/builtin/etl-pipeline.ts
/** The built-in `etl-pipeline` template (SPEC §8), as YAML text so that the bundle carries it. */
const etlPipeline = `# Built-in template "etl-pipeline" (the seed's Customer Data ETL): extract rows to CSV, validate them,
# transform them with awk, load them into a "warehouse" folder, report. All on files in a scratch folder.
name: "ETL: \${{ parameters.source }}"
description: Extract, validate, transform and load a CSV data set.
parameters:
  source:
    type: string
    default: customers
    description: Name of the data set (used for file names).
  rows:
    type: number
    default: 100
    description: How many rows the extract step produces.
  minValidRatio:
    type: number
    default: 0.9
    description: Share of rows that must pass validation.
steps:
  - id: extract
    name: Extract \${{ parameters.source }}
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-etl-$TASK_WORKFLOW_ID"
      rm -rf "$work" && mkdir -p "$work"
      awk -v n=\${{ parameters.rows }} 'BEGIN {
        print "id,name,country,amount"
        split("DE FR US JP BR", countries, " ")
        for (i = 1; i <= n; i++) printf "%d,customer_%d,%s,%d.%02d\\n", i, i, countries[(i % 5) + 1], (i * 37) % 1000, i % 100
      }' > "$work/raw.csv"
      echo "workdir=$work" >> "$TASK_OUTPUT"
      echo "output=$work/raw.csv" >> "$TASK_OUTPUT"
      echo "extracted $(($(wc -l < "$work/raw.csv") - 1)) rows"
    timeout: 300000
    retries: 2
  - id: validate
    name: Validate
    command: |
      work="\${{ steps.extract.outputs.workdir }}"
      awk -F, -v min=\${{ parameters.minValidRatio }} 'NR == 1 { next }
        { total++ }
        NF == 4 && $1 ~ /^[0-9]+$/ && $4 ~ /^[0-9]+\\.[0-9]+$/ { valid++; print > "'"$work"'/valid.csv"; next }
        { print "invalid row " NR ": " $0 > "/dev/stderr" }
        END {
          ratio = total ? valid / total : 0
          printf "valid=%d\\nratio=%.2f\\n", valid, ratio >> ENVIRON["TASK_OUTPUT"]
          printf "%d of %d rows valid (%.0f%%)\\n", valid, total, ratio * 100
          if (ratio < min) exit 1
        }' "$work/raw.csv"
    timeout: 120000
  - id: transform
    name: Transform
    command: |
      work="\${{ steps.extract.outputs.workdir }}"
      {
        echo "country,customers,total_amount"
        awk -F, '{ sum[$3] += $4; count[$3]++ } END { for (c in sum) printf "%s,%d,%.2f\\n", c, count[c], sum[c] }' "$work/valid.csv" | sort
      } > "$work/by_country.csv"
      echo "output=$work/by_country.csv" >> "$TASK_OUTPUT"
      cat "$work/by_country.csv"
    timeout: 600000
  - id: load
    name: Load
    command: |
      work="\${{ steps.extract.outputs.workdir }}"
      table="$work/warehouse/\${{ parameters.source }}_by_country.csv"
      mkdir -p "$work/warehouse"
      cp "$work/by_country.csv" "$table"
      loaded=$(($(wc -l < "$table") - 1))
      echo "loaded=$loaded" >> "$TASK_OUTPUT"
      echo "loaded $loaded aggregate rows into $work/warehouse"
    rollback: rm -f "\${{ steps.extract.outputs.workdir }}/warehouse/\${{ parameters.source }}_by_country.csv"
    timeout: 300000
  - id: report
    name: Report
    condition: always()
    command: |
      echo "valid rows: \${{ steps.validate.outputs.valid }}, loaded aggregates: \${{ steps.load.outputs.loaded }}"
      work="\${{ steps.extract.outputs.workdir }}"
      if [ -n "$work" ]; then rm -rf "$work"; fi
dependencies:
  - { from: extract, to: validate }
  - { from: validate, to: transform }
  - { from: transform, to: load }
  - { from: load, to: report, condition: always }
`;

;// CONCATENATED MODULE: ./src/templates/builtin/ml-pipeline.ts
/** The built-in `ml-pipeline` template (SPEC §8), as YAML text so that the bundle carries it. */
const mlPipeline = `# Built-in template "ml-pipeline" (the seed's Model Training Pipeline): prepare data and engineer
# features in parallel, train for some epochs, evaluate, and deploy only when the score is good enough.
# The "model" is a least-squares line fitted with awk, so it runs anywhere.
name: "Model training: \${{ parameters.model }}"
description: Prepare data, engineer features, train, evaluate and deploy a model.
parameters:
  model:
    type: string
    default: linear
    description: Model name (used for file names).
  samples:
    type: number
    default: 200
    description: Number of training samples to generate.
  epochs:
    type: number
    default: 3
    description: Training passes.
  minScore:
    type: number
    default: 0.9
    description: Lowest R² that may be deployed.
steps:
  - id: data_prep
    name: Prepare data
    parallel: true
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ml-$TASK_WORKFLOW_ID"
      mkdir -p "$work"
      awk -v n=\${{ parameters.samples }} 'BEGIN { srand(42); for (i = 1; i <= n; i++) printf "%d,%.4f\\n", i, 3 * i + 7 + (rand() - 0.5) * 10 }' > "$work/samples.csv"
      echo "workdir=$work" >> "$TASK_OUTPUT"
      echo "prepared $(wc -l < "$work/samples.csv" | tr -d ' ') samples"
  - id: feature_eng
    name: Engineer features
    parallel: true
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ml-$TASK_WORKFLOW_ID"
      mkdir -p "$work"
      printf 'feature,transform\\nx,identity\\n' > "$work/features.csv"
      echo "features=x" >> "$TASK_OUTPUT"
      echo "feature set written"
  - id: train
    name: Train \${{ parameters.model }}
    command: |
      work="\${{ steps.data_prep.outputs.workdir }}"
      epochs=\${{ parameters.epochs }}
      case "$epochs" in ''|*[!0-9]*) echo "epochs must be a whole number, got '$epochs'"; exit 2 ;; esac
      for epoch in $(seq 1 "$epochs"); do
        echo "progress=$((epoch * 100 / epochs))" >> "$TASK_OUTPUT"
        echo "task=epoch $epoch of $epochs" >> "$TASK_OUTPUT"
        sleep 0.2
      done
      awk -F, '{ n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
        END { slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); printf "slope=%.6f\\nintercept=%.6f\\n", slope, (sy - slope * sx) / n }' \\
        "$work/samples.csv" > "$work/model.txt"
      cat "$work/model.txt"
      echo "output=$work/model.txt" >> "$TASK_OUTPUT"
    timeout: 600000
  - id: evaluate
    name: Evaluate
    command: |
      work="\${{ steps.data_prep.outputs.workdir }}"
      . "$work/model.txt"
      awk -F, -v a="$slope" -v b="$intercept" '{ n++; y[n] = $2; p[n] = a * $1 + b; s += $2 }
        END { m = s / n; for (i = 1; i <= n; i++) { rss += (y[i] - p[i]) ^ 2; tss += (y[i] - m) ^ 2 }
              printf "score=%.4f\\n", 1 - rss / tss }' "$work/samples.csv" | tee -a "$TASK_OUTPUT"
  - id: deploy
    name: Deploy \${{ parameters.model }}
    condition: steps.evaluate.outputs.score >= parameters.minScore
    command: |
      work="\${{ steps.data_prep.outputs.workdir }}"
      mkdir -p "$work/registry"
      cp "$work/model.txt" "$work/registry/\${{ parameters.model }}.txt"
      echo "deployed model with score \${{ steps.evaluate.outputs.score }}"
    rollback: rm -f "\${{ steps.data_prep.outputs.workdir }}/registry/\${{ parameters.model }}.txt"
  - id: cleanup
    name: Clean up
    condition: always()
    command: |
      work="\${TMPDIR:-/tmp}/task-orchestrator-ml-$TASK_WORKFLOW_ID"
      rm -rf "$work"
      echo "removed $work"
dependencies:
  - { from: data_prep, to: train }
  - { from: feature_eng, to: train }
  - { from: train, to: evaluate }
  - { from: evaluate, to: deploy }
  - { from: deploy, to: cleanup, condition: always }
resources:
  train: { cpu: 1, memory: 256Mi }
  evaluate: { cpu: "500m", memory: 128Mi }
`;

;// CONCATENATED MODULE: ./src/templates/builtin/microservices-deployment.ts
/** The built-in `microservices-deployment` template (SPEC §8), as YAML text so that the bundle carries it. */
const microservicesDeployment = `# Built-in template "microservices-deployment" (the seed's pattern): build every service in parallel,
# deploy each one after its own build, then health-check them all. "Images" and "deployments" are
# manifest files in a scratch folder, so it runs without docker or kubectl.
name: "Microservices deployment to \${{ parameters.environment }}"
description: Build, deploy and health-check a set of services.
parameters:
  services:
    type: array
    default: [api, worker, queue]
    description: Services to build and deploy, one step each.
  environment:
    type: string
    default: staging
    description: Target environment.
  version:
    type: string
    default: "1.0.0"
    description: Version tag of the images.
steps:
  - id: build
    name: Build \${{ matrix.service }}
    matrix:
      service: \${{ parameters.services }}
    command: |
      registry="\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/registry"
      mkdir -p "$registry"
      image="$registry/\${{ matrix.service }}-\${{ parameters.version }}.image"
      printf 'service=%s\\nversion=%s\\nbuilt=%s\\n' \${{ matrix.service }} \${{ parameters.version }} "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$image"
      echo "image=$image" >> "$TASK_OUTPUT"
      echo "built $image"
    timeout: 600000
    retries: 1
  - id: deploy
    name: Deploy \${{ matrix.service }}
    matrix:
      service: \${{ parameters.services }}
    command: |
      cluster="\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/\${{ parameters.environment }}"
      mkdir -p "$cluster"
      cp "$(dirname "$cluster")/registry/\${{ matrix.service }}-\${{ parameters.version }}.image" "$cluster/\${{ matrix.service }}.deployment"
      echo "healthy" > "$cluster/\${{ matrix.service }}.status"
      echo "deployed \${{ matrix.service }} to \${{ parameters.environment }}"
    rollback: rm -f "\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/\${{ parameters.environment }}/\${{ matrix.service }}".*
    timeout: 300000
  - id: health_check
    name: Health check
    command: |
      cluster="\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID/\${{ parameters.environment }}"
      for status in "$cluster"/*.status; do
        grep -qx healthy "$status" || { echo "$(basename "$status" .status) is not healthy"; exit 1; }
      done
      echo "all $(ls "$cluster"/*.status | wc -l | tr -d ' ') services healthy"
    retries: 3
    retryDelay: 1000
    timeout: 120000
  - id: cleanup
    name: Clean up
    condition: always()
    command: rm -rf "\${TMPDIR:-/tmp}/task-orchestrator-services-$TASK_WORKFLOW_ID"
dependencies:
  - { from: build, to: deploy }
  - { from: deploy, to: health_check }
  - { from: health_check, to: cleanup, condition: always }
timeout: 1800000
`;

;// CONCATENATED MODULE: ./src/templates/builtin/index.ts
/**
 * The templates shipped in the action and the CLI, by name; a `<name>.yml` in the templates folder
 * takes precedence over these.
 */




const BUILTIN_TEMPLATES = {
    'ci-cd-pipeline': ciCdPipeline,
    'etl-pipeline': etlPipeline,
    'ml-pipeline': mlPipeline,
    'microservices-deployment': microservicesDeployment,
};

;// CONCATENATED MODULE: ./src/definition/templates.ts
/**
 * Template requests (SPEC §8): `{template: name, parameters, …}` finds `<name>.yml` in the templates
 * folders, then among the built-in templates, and becomes the template's workflow with the request's
 * own keys over the template's (`context` merged key by key, the request winning).
 */







/** Where templates are looked for when no folder is given, relative to the repository root. */
const DEFAULT_TEMPLATES_DIR = (0,external_node_path_.join)('.github', 'task-orchestrator', 'templates');
const TEMPLATE_EXTENSIONS = ['.yml', '.yaml', '.json'];
const REQUEST_KEYS = ['errorHandling', 'resources', 'notifications', 'debug'];
/** The template's text: the first `<name>.yml|.yaml|.json` in `dirs`, else the built-in of that name. */
function findTemplate(name, dirs) {
    for (const dir of dirs) {
        for (const extension of TEMPLATE_EXTENSIONS) {
            const file = (0,external_node_path_.join)(dir, `${name}${extension}`);
            const read = readDefinitionFileSync(file);
            if (read.ok)
                return ok({ file, text: read.value });
            if (read.error !== 'no such file')
                return err(`template '${name}' (${file}): ${read.error}`);
        }
    }
    const builtin = Object.hasOwn(BUILTIN_TEMPLATES, name) ? BUILTIN_TEMPLATES[name] : undefined;
    if (builtin !== undefined)
        return ok({ file: `builtin:${name}.yml`, text: builtin });
    const known = Object.keys(BUILTIN_TEMPLATES).sort().join(', ');
    return err(`unknown template '${name}': no ${name}.yml in ${dirs.length > 0 ? dirs.join(', ') : 'the templates folder'}, and no built-in template of that name (built-in: ${known})`);
}
/**
 * Loads the named template and lays the request over it. The request has passed the templateRequest
 * schema check, so `template` is a name and the request-level keys are well-typed.
 */
function applyTemplate(request, requestMap, dirs) {
    const name = String(request.template);
    const at = (pointer) => {
        const entry = requestMap.entry(pointer);
        return { file: requestMap.file, ...requestMap.position(entry?.valueOffset ?? 0) };
    };
    const found = findTemplate(name, dirs);
    if (!found.ok)
        return err([{ severity: 'error', message: found.error, location: at('/template') }]);
    const syntax = found.value.file.endsWith('.json') ? 'json' : 'yaml';
    const parsed = parseDocument(found.value.text, found.value.file, syntax);
    if (!parsed.ok) {
        return err([{ severity: 'error', message: parsed.error.message, location: { file: found.value.file, ...parsed.error.position } }]);
    }
    const document = parsed.value.value;
    const shape = isRecord(document) ? detectShape(document) : undefined;
    if (!isRecord(document) || (shape !== 'execution' && shape !== 'bare')) {
        return err([{ severity: 'error', message: `template '${name}' must be a workflow: a mapping with 'steps' (or 'workflow') at top level`, location: { file: found.value.file, line: 1, column: 1 } }]);
    }
    const template = normalizeShape(document, shape, parsed.value.map);
    return ok({ templateName: name, ...layRequestOver(template, request, requestMap) });
}
function layRequestOver(template, request, requestMap) {
    const draft = { ...template.draft };
    const mounts = [
        { prefix: '/parameters', map: requestMap, target: '/parameters' },
        { prefix: '/template', map: requestMap, target: '/template' },
    ];
    for (const key of REQUEST_KEYS) {
        if (request[key] === undefined)
            continue;
        draft[key] = request[key];
        mounts.push({ prefix: `/${key}`, map: requestMap, target: `/${key}` });
    }
    if (isRecord(request.context)) {
        draft.context = { ...(isRecord(template.draft.context) ? template.draft.context : {}), ...request.context };
        for (const key of Object.keys(request.context)) {
            const segment = pointerSegment(key);
            mounts.push({ prefix: `/context/${segment}`, map: requestMap, target: `/context/${segment}` });
        }
    }
    draft.parameters = isRecord(request.parameters) ? request.parameters : {};
    return { draft, locator: template.locator.with(...mounts) };
}

;// CONCATENATED MODULE: ./src/definition/build-model.ts
const DEFAULT_RETRY_DELAY_MS = 1000;
const DEFAULT_BACKOFF_MULTIPLIER = 1;
const DEFAULT_MAX_DELAY_MS = 300_000;
const DEFAULT_KILL_GRACE_PERIOD_MS = 5000;
const DEFAULT_WEBHOOK_EVENTS = ['start', 'completion', 'failure'];
function buildModel(request, locator, inputs) {
    const errorHandling = buildErrorHandling(request);
    return {
        workflow: buildWorkflow(request, locator, inputs, errorHandling),
        context: request.context ?? {},
        parameters: inputs.parameters,
        errorHandling,
        resources: {
            ...(inputs.limits ? { limits: inputs.limits } : {}),
            ...(request.resources?.autoScaling ? { autoScaling: buildAutoScaling(request) } : {}),
        },
        notifications: buildNotifications(request, locator, inputs.alerts),
        debug: buildDebug(request),
        source: { file: inputs.file, root: inputs.root },
        definition: inputs.definition,
    };
}
function buildWorkflow(request, locator, inputs, errorHandling) {
    const raw = request.workflow;
    const steps = raw.steps.map((step, index) => buildStep(step, index, request, locator, inputs, errorHandling));
    return {
        name: raw.name ?? defaultWorkflowName(inputs.file),
        steps,
        dependencies: buildDependencies(request, locator, inputs.implicit),
        ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
        ...(raw.concurrency !== undefined ? { concurrency: raw.concurrency } : {}),
        sequential: raw.mode === 'sequential',
    };
}
/** `ci/deploy.yml` → `deploy`. */
function defaultWorkflowName(file) {
    const base = file.split(/[\\/]/).pop() ?? file;
    return base.replace(/\.(ya?ml|json)$/i, '') || 'workflow';
}
function buildStep(raw, index, request, locator, inputs, errorHandling) {
    const condition = inputs.conditions.get(index);
    return {
        id: raw.id,
        name: raw.name ?? raw.id,
        ...(raw.description !== undefined ? { description: raw.description } : {}),
        command: raw.command,
        shell: raw.shell ?? 'bash',
        ...(raw.timeout !== undefined ? { timeout: raw.timeout } : {}),
        retries: raw.retries ?? errorHandling.retryPolicy.maxRetries,
        retryDelay: raw.retryDelay ?? DEFAULT_RETRY_DELAY_MS,
        environment: Object.fromEntries(Object.entries(raw.environment ?? {}).map(([name, value]) => [name, String(value)])),
        ...(raw.workingDirectory !== undefined ? { workingDirectory: raw.workingDirectory } : {}),
        ...(condition ? { condition } : {}),
        continueOnError: raw.continueOnError ?? false,
        exclusive: raw.parallel === false,
        resources: inputs.stepRequests[index] ?? { cpu: 0, memory: 0, gpu: 0 },
        ...(raw.rollback !== undefined ? { rollback: raw.rollback } : {}),
        killGracePeriod: raw.killGracePeriod ?? request.workflow.killGracePeriod ?? DEFAULT_KILL_GRACE_PERIOD_MS,
        ...(raw.estimatedDuration !== undefined ? { estimatedDuration: raw.estimatedDuration } : {}),
        index,
        location: locator.locate(`/workflow/steps/${index}`),
    };
}
/** Explicit dependencies in order, then implicit ones not already given by an explicit edge. */
function buildDependencies(request, locator, implicit) {
    const explicit = (request.workflow.dependencies ?? []).map((raw, index) => ({
        from: raw.from,
        to: raw.to,
        type: raw.type ?? 'finish_to_start',
        condition: raw.condition ?? 'success',
        implicit: false,
        location: locator.locate(`/workflow/dependencies/${index}`),
    }));
    const pairs = new Set(explicit.map((d) => `${d.from}\u0000${d.to}`));
    const implied = [];
    for (const ref of implicit) {
        const pair = `${ref.from}\u0000${ref.to}`;
        if (pairs.has(pair))
            continue;
        pairs.add(pair);
        implied.push({ from: ref.from, to: ref.to, type: 'finish_to_start', condition: 'always', implicit: true, location: ref.location });
    }
    return [...explicit, ...implied];
}
function buildErrorHandling(request) {
    const raw = request.errorHandling;
    const breaker = raw?.circuitBreaker;
    const circuitBreaker = breaker
        ? { enabled: breaker.enabled ?? true, failureThreshold: breaker.failureThreshold ?? 5, timeout: breaker.timeout ?? 60_000 }
        : undefined;
    return {
        retryPolicy: {
            maxRetries: raw?.retryPolicy?.maxRetries ?? 0,
            backoffMultiplier: raw?.retryPolicy?.backoffMultiplier ?? DEFAULT_BACKOFF_MULTIPLIER,
            maxDelay: raw?.retryPolicy?.maxDelay ?? DEFAULT_MAX_DELAY_MS,
        },
        rollbackStrategy: raw?.rollbackStrategy ?? 'none',
        ...(circuitBreaker ? { circuitBreaker } : {}),
    };
}
function buildAutoScaling(request) {
    const raw = request.resources?.autoScaling ?? {};
    const minReplicas = raw.minReplicas ?? 1;
    return {
        enabled: raw.enabled ?? true,
        minReplicas,
        maxReplicas: raw.maxReplicas ?? Math.max(minReplicas, 1),
        targetCPU: raw.targetCPU ?? 70,
    };
}
function buildNotifications(request, locator, conditions) {
    const webhooks = (request.notifications?.webhooks ?? []).map((raw) => ({
        url: raw.url,
        events: raw.events ?? [...DEFAULT_WEBHOOK_EVENTS],
        ...(raw.payload !== undefined ? { payload: raw.payload } : {}),
        headers: raw.headers ?? {},
        ...(raw.secret !== undefined ? { secret: raw.secret } : {}),
    }));
    const alerts = (request.notifications?.alerts ?? []).flatMap((raw, index) => {
        const condition = conditions[index];
        if (!condition)
            return [];
        return [{ condition, severity: raw.severity ?? 'warning', message: raw.message, location: locator.locate(`/notifications/alerts/${index}`) }];
    });
    return { webhooks, alerts };
}
/** A `debug` block turns debugging on unless it says `enabled: false`. */
function buildDebug(request) {
    const raw = request.debug;
    return {
        enabled: raw ? (raw.enabled ?? true) : false,
        logLevel: raw?.logLevel ?? (raw ? 'debug' : 'info'),
        captureOutputs: raw?.captureOutputs ?? false,
        traceDependencies: raw?.traceDependencies ?? false,
    };
}

;// CONCATENATED MODULE: ./src/plan/cycles.ts

/**
 * One cycle per strongly connected component of the event graph that has one, each as the step ids
 * along it with the first repeated at the end (`['a', 'b', 'a']`); consecutive events of the same step
 * are collapsed into one id. Each cycle starts at the earliest step (definition order) of its component,
 * and cycles come in that order too. Dependencies naming unknown steps, and self-dependencies, are
 * ignored: the validator reports those separately. Iterative and O(V + E), so 10,000-step chains are fine.
 */
function findCycles(stepIds, deps) {
    const graph = buildEventGraph(stepIds, deps);
    return findEventCycles(graph).map((events) => collapseToSteps(events, stepIds));
}
/**
 * One cycle of events per strongly connected component with more than one event, each starting at
 * the component's lowest event and ending with it again. Components come ordered by that event.
 */
function findEventCycles(graph) {
    const cycleStarts = cyclicComponentStarts(graph);
    return cycleStarts.starts.map((start) => shortestCycleThrough(graph, start, cycleStarts.componentOf));
}
/** Tarjan's strongly connected components with an explicit stack instead of recursion. */
function cyclicComponentStarts(graph) {
    const { eventCount, offsets, targets } = graph;
    const unvisited = -1;
    const discovery = new Int32Array(eventCount).fill(unvisited);
    const lowLink = new Int32Array(eventCount);
    const onStack = new Uint8Array(eventCount);
    const componentOf = new Int32Array(eventCount).fill(-1);
    const componentStack = new Int32Array(eventCount);
    const callStack = new Int32Array(eventCount);
    // The next out-edge to explore for each frame of callStack.
    const nextEdge = new Int32Array(eventCount);
    const starts = [];
    let componentStackSize = 0;
    let callDepth = 0;
    let counter = 0;
    let componentCount = 0;
    const enter = (event) => {
        discovery[event] = counter;
        lowLink[event] = counter;
        counter++;
        componentStack[componentStackSize++] = event;
        onStack[event] = 1;
        callStack[callDepth] = event;
        nextEdge[callDepth] = offsets[event];
        callDepth++;
    };
    for (let root = 0; root < eventCount; root++) {
        if (discovery[root] !== unvisited)
            continue;
        enter(root);
        while (callDepth > 0) {
            const frame = callDepth - 1;
            const event = callStack[frame];
            const edge = nextEdge[frame];
            if (edge < offsets[event + 1]) {
                nextEdge[frame] = edge + 1;
                const target = targets[edge];
                if (discovery[target] === unvisited)
                    enter(target);
                else if (onStack[target] === 1)
                    lowLink[event] = Math.min(lowLink[event], discovery[target]);
                continue;
            }
            callDepth--;
            if (callDepth > 0) {
                const parent = callStack[callDepth - 1];
                lowLink[parent] = Math.min(lowLink[parent], lowLink[event]);
            }
            if (lowLink[event] !== discovery[event])
                continue;
            let size = 0;
            let lowest = event;
            let member;
            do {
                member = componentStack[--componentStackSize];
                onStack[member] = 0;
                componentOf[member] = componentCount;
                lowest = Math.min(lowest, member);
                size++;
            } while (member !== event);
            if (size > 1)
                starts.push(lowest);
            componentCount++;
        }
    }
    starts.sort((a, b) => a - b);
    return { starts, componentOf };
}
/**
 * Breadth-first search from `start` inside its component until an edge leads back to `start`; the
 * shortest such cycle makes the shortest message. Only the component's events are visited.
 */
function shortestCycleThrough(graph, start, componentOf) {
    const { offsets, targets } = graph;
    const component = componentOf[start];
    const parent = new Map([[start, -1]]);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
        const event = queue[head];
        const end = offsets[event + 1];
        for (let edge = offsets[event]; edge < end; edge++) {
            const target = targets[edge];
            if (target === start)
                return pathBack(parent, event, start);
            if (componentOf[target] !== component || parent.has(target))
                continue;
            parent.set(target, event);
            queue.push(target);
        }
    }
    // A component with more than one event is strongly connected: some edge leads back to start.
    throw new Error(`no cycle through event ${start} in its own strongly connected component`);
}
/** The events from `start` to `last` along `parent` links, then `start` again. */
function pathBack(parent, last, start) {
    const reversed = [start];
    for (let event = last; event !== -1; event = parent.get(event) ?? -1)
        reversed.push(event);
    return Int32Array.from(reversed.reverse());
}
/** Step ids along an event cycle, with consecutive events of the same step collapsed into one id. */
function collapseToSteps(events, stepIds) {
    const steps = [];
    let previousStep = -1;
    for (const event of events) {
        const step = stepOfEvent(event);
        if (step === previousStep)
            continue;
        steps.push(stepIds[step]);
        previousStep = step;
    }
    return steps;
}

;// CONCATENATED MODULE: ./src/definition/units.ts

const CPU_TEXT = /^([0-9]+(?:\.[0-9]+)?)(m?)$/;
const MEMORY_TEXT = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$/;
const MEMORY_FACTORS = {
    '': 1,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
    k: 1e3,
    K: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
};
/** `2`, `"2"`, `"0.5"` → cores; `"500m"` → 0.5 cores. */
function parseCpu(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? ok(value) : err(`cpu ${value} must be a number ≥ 0`);
    if (typeof value !== 'string')
        return err('cpu must be a number or a string such as "2" or "500m"');
    const match = CPU_TEXT.exec(value.trim());
    if (!match)
        return err(`cpu "${value}" must be cores (2, "2", "0.5") or millicores ("500m")`);
    const amount = Number(match[1]);
    return ok(match[2] === 'm' ? amount / 1000 : amount);
}
/** `"4Gi"`, `"512Mi"`, `"1G"`, or a number of bytes → bytes (rounded up to a whole byte). */
function parseMemory(value, what = 'memory') {
    if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? ok(Math.ceil(value)) : err(`${what} ${value} must be a number of bytes ≥ 0`);
    if (typeof value !== 'string')
        return err(`${what} must be a number of bytes or a string such as "512Mi"`);
    const match = MEMORY_TEXT.exec(value.trim());
    if (!match)
        return err(`${what} "${value}" must be bytes or a quantity with a unit: Ki, Mi, Gi, Ti (powers of 2) or k, M, G, T (powers of 10)`);
    const factor = MEMORY_FACTORS[match[2] ?? ''] ?? 1;
    return ok(Math.ceil(Number(match[1]) * factor));
}
/** `true` → 1, `false` → 0, or a whole count. */
function parseGpu(value) {
    if (typeof value === 'boolean')
        return ok(value ? 1 : 0);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0)
        return ok(value);
    return err('gpu must be true, false or a whole number ≥ 0');
}
/** Human-readable amounts for messages: `0.5 cpu`, `16Gi`, `1 gpu`. */
function formatCpu(cores) {
    return `${Number(cores.toFixed(3))}`;
}
function formatMemory(bytes) {
    const units = [
        ['Ti', 2 ** 40],
        ['Gi', 2 ** 30],
        ['Mi', 2 ** 20],
        ['Ki', 2 ** 10],
    ];
    for (const [unit, factor] of units) {
        if (bytes >= factor)
            return `${Number((bytes / factor).toFixed(2))}${unit}`;
    }
    return `${bytes}`;
}

;// CONCATENATED MODULE: ./src/definition/validate.ts








const ZERO = { cpu: 0, memory: 0, gpu: 0 };
/** Checks a schema-valid request and builds the model, or returns every problem found. */
function validateRequest(request, locator, options) {
    const problems = new Problems(locator);
    const steps = request.workflow.steps;
    const ids = checkIds(steps, problems);
    const conditions = new Map();
    const implicit = [];
    steps.forEach((step, index) => {
        const base = `/workflow/steps/${index}`;
        const label = `step '${step.id}'`;
        if (step.condition !== undefined) {
            const parsed = parseCondition(step.condition);
            if (!parsed.ok) {
                problems.inString(`${base}/condition`, step.condition, parsed.error, `${label}: condition: `);
            }
            else {
                conditions.set(index, parsed.value);
                for (const ref of parsed.value.stepRefs) {
                    const at = problems.stringLocation(`${base}/condition`, step.condition, ref.column);
                    if (checkStepReference(ref.id, step.id, ids, at, `${label}: condition`, problems))
                        implicit.push({ from: ref.id, to: step.id, location: at });
                }
            }
        }
        for (const [pointer, text] of runtimeTexts(step, base)) {
            for (const ref of validate_checkTemplateText(text, pointer, step, label, problems)) {
                const at = problems.stringLocation(pointer, text, ref.column);
                if (checkStepReference(ref.id, step.id, ids, at, `${label}: ${fieldName(pointer)}`, problems))
                    implicit.push({ from: ref.id, to: step.id, location: at });
            }
        }
    });
    const explicit = checkDependencies(request, ids, problems);
    checkCycles(steps, explicit, implicit, locator, problems);
    checkParallelList(request, ids, problems);
    const resources = checkResources(request, ids, problems, options);
    const alerts = checkAlerts(request, problems);
    checkWebhooks(request, problems);
    if (problems.list.length > 0)
        return err(problems.list);
    return ok(buildModel(request, locator, {
        file: options.file,
        root: options.root,
        parameters: options.parameters,
        definition: options.definition,
        conditions,
        implicit,
        stepRequests: resources.stepRequests,
        limits: resources.limits,
        alerts,
    }));
}
/** Collects located diagnostics. */
class Problems {
    list = [];
    #locator;
    constructor(locator) {
        this.#locator = locator;
    }
    at(pointer, message, part = 'value') {
        this.add(this.#locator.locate(pointer, part), message);
    }
    add(location, message) {
        this.list.push({ severity: 'error', message, location });
    }
    locate(pointer, part = 'value') {
        return this.#locator.locate(pointer, part);
    }
    stringLocation(pointer, text, column) {
        return this.#locator.locateInString(pointer, text, column);
    }
    inString(pointer, text, error, prefix) {
        this.add(this.stringLocation(pointer, text, error.column), `${prefix}${error.message}`);
    }
}
/** Step id → index of its first definition; later duplicates are problems. */
function checkIds(steps, problems) {
    const ids = new Map();
    steps.forEach((step, index) => {
        const first = ids.get(step.id);
        if (first === undefined) {
            ids.set(step.id, index);
            return;
        }
        const firstAt = problems.locate(`/workflow/steps/${first}/id`);
        problems.at(`/workflow/steps/${index}/id`, `duplicate step id '${step.id}' (first defined at line ${firstAt.line})`);
    });
    return ids;
}
/** Whether a reference from `stepId` to `ref` is usable as a dependency; reports it if not. */
function checkStepReference(ref, stepId, ids, at, where, problems) {
    if (ref === stepId) {
        problems.add(at, `${where} names the step itself ('${ref}')`);
        return false;
    }
    if (!ids.has(ref)) {
        problems.add(at, `${where} names unknown step '${ref}'${closest(ref, ids)}`);
        return false;
    }
    return true;
}
function closest(id, ids) {
    const lower = id.toLowerCase();
    const match = [...ids.keys()].find((known) => known.toLowerCase() === lower || known.toLowerCase().replace(/[-_]/g, '') === lower.replace(/[-_]/g, ''));
    return match === undefined ? '' : ` (did you mean '${match}'?)`;
}
/** The strings of a step whose `${{ }}` the engine evaluates at run time, with their pointers. */
function runtimeTexts(step, base) {
    const texts = [[`${base}/command`, step.command]];
    if (step.rollback !== undefined)
        texts.push([`${base}/rollback`, step.rollback]);
    if (step.workingDirectory !== undefined)
        texts.push([`${base}/workingDirectory`, step.workingDirectory]);
    for (const [name, value] of Object.entries(step.environment ?? {})) {
        if (typeof value === 'string')
            texts.push([`${base}/environment/${pointerSegment(name)}`, value]);
    }
    return texts;
}
function fieldName(pointer) {
    const parts = pointer.split('/');
    return parts[4] === 'environment' ? `environment.${parts[5] ?? ''}` : (parts[4] ?? '');
}
/**
 * Syntax of each `${{ }}` in a run-time string; returns the steps the expressions name (`steps.x.…`),
 * with columns in the whole string.
 */
function validate_checkTemplateText(text, pointer, step, label, problems) {
    const prefix = `${label}: ${fieldName(pointer)}: `;
    const spans = findTemplateExpressions(text);
    if (!spans.ok) {
        problems.inString(pointer, text, spans.error, prefix);
        return [];
    }
    const isCommand = pointer.endsWith('/command') || pointer.endsWith('/rollback');
    const shell = step.shell ?? 'bash';
    const first = spans.value[0];
    if (isCommand && first && (shell === 'pwsh' || shell === 'python')) {
        problems.inString(pointer, text, { message: `'\${{ }}' in a ${shell} command is not supported: put the value in 'environment' and read it from there`, column: first.start + 1 }, prefix);
        return [];
    }
    if (isCommand && first && (shell === 'bash' || shell === 'sh')) {
        // Where a value could not be passed safely (after a backslash, inside $(( ))), the engine would
        // refuse the command when the step starts: say so now. Values never matter to where they stand.
        const placed = substituteCommand(text, () => ok(''), shell);
        if (!placed.ok)
            problems.inString(pointer, text, placed.error, prefix);
    }
    const refs = [];
    for (const span of spans.value) {
        const parsed = parser_parseExpression(span.expression, { roots: conditions_CONDITION_ROOTS, seedForms: false, statusFunctions: false });
        if (!parsed.ok) {
            problems.inString(pointer, text, { message: parsed.error.message, column: span.expressionStart + parsed.error.column }, prefix);
            continue;
        }
        // The condition parser lists the `steps.<id>` references; the stricter parse above already passed.
        const asCondition = parseCondition(span.expression);
        if (asCondition.ok)
            for (const ref of asCondition.value.stepRefs)
                refs.push({ id: ref.id, column: span.expressionStart + ref.column });
    }
    return refs;
}
function checkDependencies(request, ids, problems) {
    const edges = [];
    (request.workflow.dependencies ?? []).forEach((dependency, index) => {
        const base = `/workflow/dependencies/${index}`;
        let usable = true;
        for (const end of ['from', 'to']) {
            if (!ids.has(dependency[end])) {
                problems.at(`${base}/${end}`, `dependency ${end} unknown step '${dependency[end]}'${closest(dependency[end], ids)}`);
                usable = false;
            }
        }
        if (usable && dependency.from === dependency.to) {
            problems.at(base, `step '${dependency.from}' depends on itself`);
            usable = false;
        }
        if (usable)
            edges.push({ from: dependency.from, to: dependency.to, type: dependency.type ?? 'finish_to_start', pointer: base });
    });
    return edges;
}
/** Each cycle once, located at the dependency that closes it (from its last step back to its first). */
function checkCycles(steps, explicit, implicit, locator, problems) {
    const edges = [
        ...explicit.map((e) => ({ from: e.from, to: e.to, type: e.type, location: locator.locate(e.pointer) })),
        ...implicit.map((e) => ({ from: e.from, to: e.to, type: 'finish_to_start', location: e.location })),
    ];
    const cycles = findCycles(steps.map((s) => s.id), edges);
    for (const cycle of cycles) {
        const last = cycle[cycle.length - 2];
        const first = cycle[cycle.length - 1];
        const closing = edges.find((e) => e.from === last && e.to === first) ??
            edges.find((e) => e.to === first && cycle.includes(e.from)) ??
            edges.find((e) => cycle.includes(e.from) && cycle.includes(e.to));
        const location = closing?.location ?? locator.locate('/workflow/steps');
        problems.add(location, `dependency cycle: ${cycle.join(' -> ')}`);
    }
}
function checkParallelList(request, ids, problems) {
    ;
    (request.workflow.parallel ?? []).forEach((id, index) => {
        if (!ids.has(id))
            problems.at(`/workflow/parallel/${index}`, `workflow.parallel names unknown step '${id}'${closest(id, ids)}`);
    });
}
/** Units parsed, per-step requests resolved, and each compared with the whole capacity. */
function checkResources(request, ids, problems, options) {
    const parse = (spec, pointer) => (spec ? parseAmounts(spec, pointer, problems) : undefined);
    const perStepMap = request.workflow.resources ?? {};
    for (const id of Object.keys(perStepMap)) {
        if (!ids.has(id) && !id.startsWith('x-'))
            problems.at(`/workflow/resources/${pointerSegment(id)}`, `workflow.resources names unknown step '${id}'${closest(id, ids)}`, 'key');
    }
    const defaultRequests = parse(request.resources?.requests, '/resources/requests');
    const stepRequests = request.workflow.steps.map((step, index) => {
        const own = `/workflow/steps/${index}/resources`;
        const mapped = `/workflow/resources/${pointerSegment(step.id)}`;
        if (step.resources)
            return { amounts: { ...ZERO, ...parse(step.resources, own) }, pointer: own };
        const fromMap = Object.hasOwn(perStepMap, step.id) ? perStepMap[step.id] : undefined;
        if (fromMap)
            return { amounts: { ...ZERO, ...parse(fromMap, mapped) }, pointer: mapped };
        return { amounts: { ...ZERO, ...defaultRequests }, pointer: '/resources/requests' };
    });
    const autoScaling = request.resources?.autoScaling;
    if (autoScaling?.minReplicas !== undefined && autoScaling.maxReplicas !== undefined && autoScaling.minReplicas > autoScaling.maxReplicas) {
        problems.at('/resources/autoScaling/minReplicas', `resources.autoScaling.minReplicas (${autoScaling.minReplicas}) is larger than maxReplicas (${autoScaling.maxReplicas})`);
    }
    const contextResources = request.context?.resources;
    const declared = request.resources?.limits
        ? { amounts: parse(request.resources.limits, '/resources/limits'), source: 'resources.limits' }
        : contextResources
            ? { amounts: parse(contextResources, '/context/resources'), source: 'context.resources' }
            : undefined;
    // Counting GPUs starts a process: only when a step wants one and no declared capacity says how many.
    const needsGpu = stepRequests.some((r) => r.amounts.gpu > 0) && declared?.amounts?.gpu === undefined;
    const machine = options.machineCapacity(needsGpu);
    const limits = declared ? { ...machine, ...declared.amounts } : undefined;
    const capacity = limits ?? machine;
    const source = declared?.source ?? 'this machine';
    request.workflow.steps.forEach((step, index) => {
        const located = stepRequests[index];
        const over = [];
        if (located.amounts.cpu > capacity.cpu)
            over.push(`cpu ${formatCpu(located.amounts.cpu)} > ${formatCpu(capacity.cpu)}`);
        if (located.amounts.memory > capacity.memory)
            over.push(`memory ${formatMemory(located.amounts.memory)} > ${formatMemory(capacity.memory)}`);
        if (located.amounts.gpu > capacity.gpu)
            over.push(`gpu ${located.amounts.gpu} > ${capacity.gpu}`);
        if (over.length > 0)
            problems.at(located.pointer, `step '${step.id}' requests more than the whole capacity (${source}), so it could never start: ${over.join(', ')}`);
    });
    return { stepRequests: stepRequests.map((r) => r.amounts), ...(limits ? { limits } : {}) };
}
function parseAmounts(spec, pointer, problems) {
    const amounts = {};
    const take = (key, parsed) => {
        if (parsed.ok)
            amounts[key] = parsed.value;
        else
            problems.at(`${pointer}/${key}`, parsed.error);
    };
    if (spec.cpu !== undefined)
        take('cpu', parseCpu(spec.cpu));
    if (spec.memory !== undefined)
        take('memory', parseMemory(spec.memory));
    if (spec.gpu !== undefined)
        take('gpu', parseGpu(spec.gpu));
    if (spec.storage !== undefined) {
        const storage = parseMemory(spec.storage, 'storage');
        if (!storage.ok)
            problems.at(`${pointer}/storage`, storage.error);
    }
    return amounts;
}
function checkAlerts(request, problems) {
    const conditions = [];
    (request.notifications?.alerts ?? []).forEach((alert, index) => {
        const pointer = `/notifications/alerts/${index}/condition`;
        const parsed = parseAlertCondition(alert.condition);
        if (parsed.ok)
            conditions.push(parsed.value);
        else
            problems.inString(pointer, alert.condition, parsed.error, `alert condition: `);
    });
    return conditions;
}
function checkWebhooks(request, problems) {
    ;
    (request.notifications?.webhooks ?? []).forEach((webhook, index) => {
        const pointer = `/notifications/webhooks/${index}/url`;
        let url;
        try {
            url = new URL(webhook.url);
        }
        catch {
            problems.at(pointer, `webhook url ${JSON.stringify(webhook.url)} is not a valid URL`);
            return;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            problems.at(pointer, `webhook url must use http or https, not ${url.protocol}`);
    });
}

;// CONCATENATED MODULE: ./src/definition/load.ts
/**
 * A definition file → a validated ExecutionRequest, or every problem in it, each located (SPEC §2, §8).
 * The pipeline: bytes → text (size, UTF-8) → parse with a location index → one of three shapes →
 * template applied → parameters resolved → `${{ parameters }}` and matrices expanded → JSON Schema
 * check → semantic checks → the model.
 */














/** Reads and loads a definition file; a file that cannot be read is a diagnostic at 1:1 like any other. */
async function loadDefinitionFile(file, options = {}) {
    const text = await readDefinitionFile(file);
    if (!text.ok)
        return err([fileProblem(file, text.error)]);
    return loadDefinitionText(text.value, file, options);
}
/**
 * Loads a definition from its text; `file` names it in diagnostics and decides JSON (`.json`) or YAML.
 * Reading a template file is the only effect, besides counting GPUs when a step asks for one and the
 * definition does not say how many there are.
 */
function loadDefinitionText(text, file, options = {}) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_DEFINITION_BYTES)
        return err([fileProblem(file, `the file is ${bytes} bytes; definitions are limited to ${MAX_DEFINITION_BYTES} bytes (10 MiB)`)]);
    const outside = outsideValueProblems(file, options);
    if (outside.length > 0)
        return err(outside);
    const syntax = /\.json$/i.test(file) ? 'json' : 'yaml';
    const parsed = parseText(text.replace(/^\uFEFF/, ''), file, syntax);
    if (!parsed.ok)
        return err([{ severity: 'error', message: parsed.error.message, location: { file, ...parsed.error.position } }]);
    const { value: document, map } = parsed.value;
    const start = map.position(map.entry('')?.valueOffset ?? 0);
    if (!isRecord(document)) {
        return err([{ severity: 'error', message: `the definition must be a mapping (an object), not ${load_describe(document)}`, location: { file, ...start } }]);
    }
    const shape = detectShape(document);
    if (shape === undefined) {
        return err([{ severity: 'error', message: "the definition needs 'workflow' (an execution request), 'template' (a template request) or 'steps' (a bare workflow) at top level", location: { file, ...start } }]);
    }
    const root = (0,external_node_path_.resolve)(options.root ?? process.cwd());
    const normalized = shape === 'template' ? normalizeTemplateRequest(document, map, options, root) : prepareDirect(normalizeShape(document, shape, map));
    if (!normalized.ok)
        return normalized;
    return finish(normalized.value, file, root, options);
}
/** JSON takes the fast path when it can (json-fast-path.ts); YAML, and JSON it cannot vouch for, the event index. */
function parseText(text, file, syntax) {
    const fast = syntax === 'json' ? parseJsonFast(text, file, DEFAULT_PARSE_LIMITS) : undefined;
    return fast ? ok(fast) : parseDocument(text, file, syntax);
}
/** An execution request or bare workflow: missing parameters are reported at its `parameters` values, else at the declarations. */
function prepareDirect(normalized) {
    const pointer = isRecord(normalized.draft.parameters) ? '/parameters' : '/workflow/parameters';
    return { ok: true, value: { ...normalized, reportAt: { pointer, part: 'key' }, owner: 'the workflow' } };
}
function normalizeTemplateRequest(document, map, options, root) {
    const rootLocator = normalizeShape(document, 'execution', map).locator;
    const { $schema: _schema, ...request } = document;
    const requestProblems = checkSchema(request, 'templateRequest', rootLocator);
    if (requestProblems.length > 0)
        return err(requestProblems);
    const dirs = options.templatesDirs ?? [(0,external_node_path_.join)(root, DEFAULT_TEMPLATES_DIR)];
    const applied = applyTemplate(request, map, dirs);
    if (!applied.ok)
        return applied;
    return {
        ok: true,
        value: {
            draft: applied.value.draft,
            locator: applied.value.locator,
            reportAt: { pointer: isRecord(request.parameters) ? '/parameters' : '/template', part: 'key' },
            owner: `template '${applied.value.templateName}'`,
        },
    };
}
function finish(prepared, file, root, options) {
    const { draft, locator } = prepared;
    const workflow = isRecord(draft.workflow) ? draft.workflow : undefined;
    const resolved = resolveParameters({
        declarations: workflow?.parameters,
        declarationsPointer: '/workflow/parameters',
        values: isRecord(draft.parameters) ? draft.parameters : {},
        overrides: options.parameters ?? {},
        reportAt: prepared.reportAt,
        owner: prepared.owner,
    });
    // Substituting values that are missing or of the wrong type would only add confusing echoes.
    if (resolved.problems.length > 0)
        return err(sortDiagnostics(toDiagnostics(resolved.problems, locator)));
    const expanded = expandWorkflow(draft, resolved.values, locator);
    // A context or parameters of the wrong type stays as written, for the schema check to report.
    const mergeable = draft.context === undefined || isRecord(draft.context);
    const context = mergeable ? { ...(isRecord(draft.context) ? draft.context : {}), ...(options.context ?? {}) } : draft.context;
    const document = {
        ...expanded.document,
        ...(draft.context !== undefined || Object.keys(context).length > 0 ? { context } : {}),
        parameters: draft.parameters === undefined || isRecord(draft.parameters) ? resolved.values : draft.parameters,
    };
    // Expansion problems carry pointers from before the expansion renumbered the steps.
    const diagnostics = [...toDiagnostics(expanded.problems, locator), ...checkSchema(document, 'executionRequest', expanded.locator)];
    const validateOptions = {
        file,
        root,
        machineCapacity: (needsGpu) => options.capacity ?? machineCapacity(needsGpu),
        parameters: resolved.values,
        definition: undefined,
    };
    if (diagnostics.length > 0) {
        // Still run the semantic checks on what the schema let through, so one pass reports everything.
        const salvaged = salvageRequest(document);
        const more = salvaged ? validateRequest(salvaged, expanded.locator, validateOptions) : undefined;
        return err(sortDiagnostics(dedupe([...diagnostics, ...(more && !more.ok ? more.error : [])])));
    }
    const definition = JSON.parse(JSON.stringify(document));
    const validated = validateRequest(document, expanded.locator, { ...validateOptions, definition });
    return validated.ok ? validated : err(sortDiagnostics(validated.error));
}
/** File by file, top to bottom, as an editor lists them. */
function sortDiagnostics(diagnostics) {
    return [...diagnostics].sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column);
}
function toDiagnostics(problems, locator) {
    return problems.map((p) => ({ severity: 'error', message: p.message, location: locator.locate(p.pointer, p.part) }));
}
function dedupe(diagnostics) {
    const seen = new Set();
    return diagnostics.filter((d) => {
        const key = `${d.location.file}:${d.location.line}:${d.location.column}:${d.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * --context and --param (the action's `context` and `parameters` inputs) come from outside the file, so
 * the parser's depth limit never saw them; every later walk of a value recurses, so hold them to it too.
 */
function outsideValueProblems(file, options) {
    const limit = DEFAULT_PARSE_LIMITS.maxDepth;
    const problems = [];
    if (options.context !== undefined && load_nestsDeeperThan(options.context, limit))
        problems.push(fileProblem(file, `the context given from outside the file nests deeper than ${limit} levels`));
    for (const [name, value] of Object.entries(options.parameters ?? {})) {
        if (load_nestsDeeperThan(value, limit))
            problems.push(fileProblem(file, `parameter '${name}' given from outside the file nests deeper than ${limit} levels`));
    }
    return problems;
}
/** Iterative, so that measuring a deep value cannot itself overflow the stack. */
function load_nestsDeeperThan(root, limit) {
    const pending = [[root, 0]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const [value, depth] = next;
        if (value === null || typeof value !== 'object')
            continue;
        if (depth >= limit)
            return true;
        for (const child of Object.values(value))
            pending.push([child, depth + 1]);
    }
    return false;
}
function fileProblem(file, message) {
    const location = { file, line: 1, column: 1 };
    return { severity: 'error', message, location };
}
function load_describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return `a ${typeof value}`;
}
let detectedGpus;
/** Every CPU, the total memory, and (only when asked, since it starts a process) the GPUs `nvidia-smi -L` lists. */
function machineCapacity(needsGpu) {
    if (needsGpu && detectedGpus === undefined) {
        const listed = (0,external_node_child_process_.spawnSync)('nvidia-smi', ['-L'], { encoding: 'utf8', timeout: 5000, windowsHide: true });
        detectedGpus = listed.status === 0 ? listed.stdout.split('\n').filter((line) => /^GPU \d+/.test(line.trim())).length : 0;
    }
    return { cpu: (0,external_node_os_namespaceObject.availableParallelism)(), memory: (0,external_node_os_namespaceObject.totalmem)(), gpu: detectedGpus ?? 0 };
}

;// CONCATENATED MODULE: ./src/cli/cli-options.ts
/**
 * Parsing of the option values the commands share: `--param k=v` (JSON when it parses as JSON, else a
 * string) and `--context JSON|@file`.
 */


function collectParam(value, previous = {}) {
    const eq = value.indexOf('=');
    if (eq <= 0)
        throw new UsageError(`--param expects key=value, got '${value}'`);
    const key = value.slice(0, eq);
    const raw = value.slice(eq + 1);
    let parsed = raw;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        parsed = raw;
    }
    return { ...previous, [key]: parsed };
}
function parseContextOption(value) {
    if (value === undefined)
        return ok(undefined);
    let text = value;
    if (value.startsWith('@')) {
        try {
            text = (0,external_node_fs_.readFileSync)(value.slice(1), 'utf8');
        }
        catch (e) {
            return err(`--context: cannot read ${value.slice(1)}: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            return err('--context must be a JSON object');
        return ok(parsed);
    }
    catch (e) {
        return err(`--context is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
}
function parsePositiveInt(value) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
        throw new UsageError(`expected a positive integer, got '${value}'`);
    return n;
}
/** A command-line mistake: printed as `error: …` with exit code 2. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}

;// CONCATENATED MODULE: ./src/cli/load-definition.ts



async function loadOrReport(file, options, stderr) {
    const loaded = await loadDefinitionFile(file, options);
    if (loaded.ok)
        return loaded.value;
    for (const d of loaded.error)
        stderr.write(`${formatDiagnostic(d)}\n`);
    return loaded.error;
}
function isRequest(value) {
    return !Array.isArray(value);
}
/** Adds `--param` and `--templates` to a command. */
function withDefinitionFlags(command) {
    return command
        .option('--param <key=value>', 'template parameter (repeatable; JSON values accepted)', collectParam, {})
        .option('--templates <dir>', 'folder of workflow templates');
}
/** The loader options those flags mean. */
function loadOptionsOf(flags) {
    return { parameters: flags.param, ...(flags.templates ? { templatesDirs: [flags.templates] } : {}) };
}

;// CONCATENATED MODULE: ./src/cli/commands/graph.ts





function registerGraphCommand(program) {
    const command = program
        .command('graph')
        .description('draw the dependency graph as Mermaid (GitHub renders it) or Graphviz dot')
        .argument('<file>', 'workflow definition')
        .addOption(new Option('--format <format>', 'diagram language').choices(['mermaid', 'dot']).default('mermaid'));
    withDefinitionFlags(command).action(async (file, opts) => {
        const loaded = await loadOrReport(file, loadOptionsOf(opts), process.stderr);
        if (!isRequest(loaded)) {
            process.exitCode = EXIT.invalid;
            return;
        }
        const text = opts.format === 'dot' ? toDot(loaded.workflow) : toMermaid(loaded.workflow, planWorkflow(loaded.workflow));
        process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/state/atomic-file.ts
/**
 * Whole-file replacement that a crash cannot tear: the data goes to a temporary file in the same folder,
 * is flushed to disk, and is renamed over the target (rename is atomic within one file system), so a
 * reader sees the old file or the new one, never a mix.
 */



/** Suffix of the temporary files; readers skip them and a later writer may remove stale ones. */
const TEMP_SUFFIX = '.tmp';
/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHUNK = 64 * 1024;
/**
 * `data` may come in pieces (see json-pieces.ts): then no string, and no buffer, ever holds the whole
 * file — a 10,000-step run's record is 6 MB, written several times a minute.
 */
async function writeFileAtomic(path, data) {
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}${TEMP_SUFFIX}`);
    try {
        const handle = await (0,promises_namespaceObject.open)(temp, 'w', 0o644);
        try {
            if (typeof data === 'string') {
                await handle.writeFile(data, 'utf8');
            }
            else {
                let batch = [];
                let length = 0;
                for (const piece of data) {
                    batch.push(piece);
                    length += piece.length;
                    if (length < WRITE_CHUNK)
                        continue;
                    await handle.write(batch.join(''), null, 'utf8');
                    batch = [];
                    length = 0;
                }
                if (batch.length > 0)
                    await handle.write(batch.join(''), null, 'utf8');
            }
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await (0,promises_namespaceObject.rename)(temp, path);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temp, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/state/json-pieces.ts
/**
 * `JSON.stringify(value)` as a sequence of pieces whose concatenation is the same text: long arrays are
 * given element by element, so a large record is written without one multi-megabyte string (which V8
 * allocates straight into the old generation, where it stays until the next full collection).
 */
/** Arrays longer than this are split; shorter values are stringified whole. */
const SPLIT_LENGTH = 64;
function* jsonPieces(value) {
    if (Array.isArray(value) && value.length > SPLIT_LENGTH) {
        for (let i = 0; i < value.length; i++) {
            // JSON.stringify writes null for an item that has no JSON form (undefined, a function).
            yield `${i === 0 ? '[' : ','}${JSON.stringify(value[i]) ?? 'null'}`;
        }
        yield ']';
        return;
    }
    if (isPlainRecord(value)) {
        let first = true;
        for (const [key, item] of Object.entries(value)) {
            // Properties JSON.stringify leaves out.
            if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
                continue;
            yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
            first = false;
            yield* jsonPieces(item);
        }
        yield first ? '{}' : '}';
        return;
    }
    yield JSON.stringify(value);
}
/** Objects JSON.stringify would write key by key: no toJSON, no class of their own. */
function isPlainRecord(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const prototype = Object.getPrototypeOf(value);
    return (prototype === Object.prototype || prototype === null) && typeof value.toJSON !== 'function';
}

;// CONCATENATED MODULE: ./src/state/run-history.ts
/** How many recent durations of a step count. */
const KEPT_RUNS = 5;
const EMPTY_HISTORY = { version: 1, steps: {} };
/** The history with this run's completed, really executed steps added (cached ones ran earlier). */
function addDurations(history, steps) {
    const next = { ...history.steps };
    for (const step of steps) {
        if (step.status !== 'completed' || step.cached || step.duration === null)
            continue;
        next[step.id] = [...(next[step.id] ?? []), step.duration].slice(-KEPT_RUNS);
    }
    return { version: 1, steps: next };
}
function meanDurations(history) {
    const means = {};
    for (const [id, durations] of Object.entries(history.steps)) {
        if (durations.length > 0)
            means[id] = Math.round(durations.reduce((a, b) => a + b, 0) / durations.length);
    }
    return means;
}
/** Reads a stored history leniently: anything unexpected counts as no history. */
function parseHistory(text) {
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null)
            return EMPTY_HISTORY;
        const steps = parsed.steps;
        if (typeof steps !== 'object' || steps === null)
            return EMPTY_HISTORY;
        const clean = {};
        for (const [id, value] of Object.entries(steps)) {
            if (Array.isArray(value))
                clean[id] = value.filter((v) => typeof v === 'number' && Number.isFinite(v));
        }
        return { version: 1, steps: clean };
    }
    catch {
        return EMPTY_HISTORY;
    }
}
/** A file name for a workflow's name, which may hold any character. */
function historyKey(workflowName) {
    const readable = workflowName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    let hash = 0;
    for (const char of workflowName)
        hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0;
    return `${readable || 'workflow'}-${hash.toString(16)}`;
}

;// CONCATENATED MODULE: ./src/state/run-record.ts

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
/** True once the run has its result: nothing will change it any more. */
function isTerminal(status) {
    return TERMINAL.has(status);
}
/**
 * The record as of the journal: `events` from `record.journalCount` on are applied again in order. A
 * replay is safe even where the record already holds some of them: every event sets values, so applying
 * a run of events in order again ends in the same state.
 */
function withJournal(record, events) {
    if (record.journalCount === undefined || isTerminal(record.status))
        return record;
    let replayed = record;
    for (const event of events.slice(record.journalCount))
        replayed = applyEvent(replayed, event);
    return replayed;
}
/** The record of a run about to start: every step pending. */
function initialRecord(request, workflowId, owner, attempt, now) {
    const time = new Date(now).toISOString();
    return {
        version: 1,
        workflowId,
        name: request.workflow.name,
        status: 'running',
        attempt,
        startTime: time,
        updateTime: time,
        endTime: null,
        owner,
        steps: request.workflow.steps.map((step) => ({
            id: step.id,
            name: step.name,
            status: 'pending',
            startTime: null,
            attempt: 0,
            ...(step.estimatedDuration !== undefined ? { estimatedDuration: step.estimatedDuration } : {}),
        })),
        dependencies: request.workflow.dependencies.map((d) => ({ from: d.from, to: d.to, type: d.type })),
        circuitBreaker: request.errorHandling.circuitBreaker?.enabled ? { state: 'closed', trips: 0 } : null,
        machine: { cpu: null, memory: null },
        result: null,
    };
}
/**
 * The record after one event; the same object when the event changes nothing a status reader sees
 * (output lines, annotations, debug lines), so the recorder knows when a save is due.
 */
function applyEvent(record, event) {
    return applyTo(record, event, false);
}
/**
 * The record after `events`, in order: the same as applying each, but the step list is copied once for
 * the whole batch, not once per event (a 10,000-step run sends 20,000 step events).
 */
function applyEvents(record, events) {
    if (!events.some(changesRecord))
        return record;
    const steps = record.steps.slice();
    positions.set(steps, stepIndex(record.steps));
    let current = { ...record, steps };
    for (const event of events)
        current = applyTo(current, event, true);
    return current;
}
/** Whether an event can change what a status reader sees (output lines and the like cannot). */
function changesRecord(event) {
    return !UNRECORDED.has(event.type);
}
const UNRECORDED = new Set(['step_output', 'step_annotation', 'secret', 'rollback_start', 'concurrency', 'debug']);
/** `ownsSteps`: the record's step list is a private copy that may be written in place. */
function applyTo(record, event, ownsSteps) {
    const updateStep = (id, change) => {
        const index = stepIndex(record.steps).get(id);
        const current = index === undefined ? undefined : record.steps[index];
        if (index === undefined || current === undefined)
            return record;
        if (ownsSteps) {
            ;
            record.steps[index] = change(current);
            return record;
        }
        const steps = record.steps.slice();
        steps[index] = change(current);
        positions.set(steps, stepIndex(record.steps));
        return { ...record, steps };
    };
    switch (event.type) {
        case 'workflow_start':
            return { ...record, status: 'running' };
        case 'run_status':
            return isTerminal(record.status) ? record : { ...record, status: event.status };
        case 'step_start':
            return updateStep(event.stepId, (step) => ({
                ...withoutProgress(step),
                status: 'running',
                startTime: step.startTime ?? new Date(event.time).toISOString(),
                attempt: event.attempt,
            }));
        case 'step_retry':
            return updateStep(event.stepId, (step) => ({ ...step, attempt: event.attempt }));
        case 'step_progress':
            return updateStep(event.stepId, (step) => ({
                ...step,
                ...(event.percentage !== undefined ? { percentage: event.percentage } : {}),
                ...(event.task !== undefined ? { task: event.task } : {}),
            }));
        case 'step_end':
            return updateStep(event.stepId, (step) => ({
                ...withoutProgress(step),
                status: event.result.status,
                startTime: event.result.startTime,
                attempt: event.result.attempts,
                result: event.result,
            }));
        case 'rollback_end':
            return updateStep(event.stepId, (step) => (step.result ? { ...step, result: { ...step.result, rollback: event.result } } : step));
        case 'breaker':
            return { ...record, circuitBreaker: { state: event.state, trips: event.trips } };
        case 'workflow_end': {
            const results = new Map(event.result.steps.map((r) => [r.id, r]));
            return {
                ...record,
                status: event.result.status,
                endTime: event.result.metadata.endTime,
                steps: record.steps.map((step) => {
                    const result = results.get(step.id);
                    return result ? { ...withoutProgress(step), status: result.status, startTime: result.startTime, attempt: result.attempts, result } : step;
                }),
                ...(event.result.metrics.circuitBreaker ? { circuitBreaker: event.result.metrics.circuitBreaker } : {}),
                result: event.result,
            };
        }
        case 'step_output':
        case 'step_annotation':
        case 'secret':
        case 'rollback_start':
        case 'concurrency':
        case 'debug':
            return record;
        default:
            return unreachable_unreachable(event);
    }
}
/**
 * Step positions by id, shared by every version of a record's step list (ids never change), so that an
 * event costs a lookup and one array copy, not a scan: a 10,000-step run sends 20,000 of them.
 */
const positions = new WeakMap();
function stepIndex(steps) {
    let map = positions.get(steps);
    if (!map) {
        map = new Map(steps.map((step, i) => [step.id, i]));
        positions.set(steps, map);
    }
    return map;
}
/** The results of the steps that finished, in definition order: what a restart keeps. */
function finishedResults(record) {
    return record.steps.flatMap((step) => (step.result ? [step.result] : []));
}
function withoutProgress(step) {
    const { percentage: _percentage, task: _task, ...rest } = step;
    return rest;
}
/** A stored record read back; undefined when the text is not one (a foreign or damaged file). */
function parseRunRecord(text) {
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null)
            return undefined;
        const candidate = parsed;
        if (candidate.version !== 1 || typeof candidate.workflowId !== 'string' || !Array.isArray(candidate.steps))
            return undefined;
        // What the readers (status, list, restart) dereference must be there: a foreign or damaged file is
        // "no run", never a crash of `monitor` or `list` (one bad folder would hide every run).
        return hasReadableShape(candidate) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function hasReadableShape(candidate) {
    const isObject = (value) => typeof value === 'object' && value !== null;
    const owner = candidate.owner;
    return (typeof candidate.status === 'string' &&
        typeof candidate.name === 'string' &&
        typeof candidate.startTime === 'string' &&
        typeof candidate.updateTime === 'string' &&
        isObject(owner) &&
        typeof owner['pid'] === 'number' &&
        typeof owner['hostname'] === 'string' &&
        isObject(candidate.machine) &&
        (candidate.steps ?? []).every((step) => isObject(step) && typeof step['id'] === 'string' && typeof step['status'] === 'string'));
}

;// CONCATENATED MODULE: ./src/state/store.ts
const CONTROL_ACTIONS = ['pause', 'resume', 'cancel'];

;// CONCATENATED MODULE: ./src/state/local-store.ts
/**
 * The CLI's state store: a folder (default `.task-orchestrator/`) with one folder per run under `runs/`
 * holding `state.json` (the record, replaced atomically), `events.jsonl` (the append-only journal),
 * `definition.json`, `control.json` (requests from `monitor`) and `pid`; step durations per workflow
 * name under `history/`.
 */










/** The default folder, relative to the working directory. */
const DEFAULT_STATE_DIR = '.task-orchestrator';
/** `--state-dir`, else `TASK_ORCHESTRATOR_STATE_DIR`, else `.task-orchestrator`, resolved against cwd. */
function resolveStateDir(option, env = process.env) {
    return (0,external_node_path_.resolve)(option ?? env['TASK_ORCHESTRATOR_STATE_DIR'] ?? DEFAULT_STATE_DIR);
}
const HEARTBEAT_MS = 2000;
/** A record not refreshed for this long belongs to a dead (or frozen) owner, whatever its pid says. */
const STALE_AFTER_MS = 30_000;
const LOCK_STALE_MS = 5000;
class LocalStateStore {
    dir;
    controlPollInterval = 500;
    /** Between two saves of the record; status changes and the end are saved at once. */
    saveInterval = 250;
    heartbeatInterval;
    /** Journals of the runs this process writes, open from their first append to their final record. */
    #journals = new Map();
    constructor(dir, options = {}) {
        this.dir = (0,external_node_path_.resolve)(dir);
        this.heartbeatInterval = options.heartbeatInterval ?? HEARTBEAT_MS;
    }
    async beginRun(record, definition) {
        this.#closeJournal(record.workflowId);
        const folder = this.#runDir(record.workflowId);
        await (0,promises_namespaceObject.mkdir)(folder, { recursive: true });
        await this.#removeStaleTemps(folder);
        await writeFileAtomic((0,external_node_path_.join)(folder, 'definition.json'), `${JSON.stringify(definition, null, 2)}\n`);
        await writeFileAtomic((0,external_node_path_.join)(folder, 'pid'), `${record.owner.pid}\n`);
        await this.clearControl(record.workflowId);
        await this.saveRecord(record);
    }
    async saveRecord(record) {
        const file = (0,external_node_path_.join)(this.#runDir(record.workflowId), 'state.json');
        // Indented while a person might read it; a large run's record is written compact, in pieces.
        if (record.steps.length <= 100)
            await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
        else
            await writeFileAtomic(file, withNewline(jsonPieces(record)));
        // The final record: nothing more goes to this run's journal.
        if (isTerminal(record.status))
            this.#closeJournal(record.workflowId);
    }
    async appendEvents(workflowId, events) {
        if (events.length === 0)
            return;
        // One write per batch with O_APPEND: a crash can only cut the last line, which readEvents skips. A
        // write that fails part-way (a full disk) is cut back, so the next batch starts on a line of its own.
        // Synchronous, on a file kept open until the run's end: a busy run appends a batch every millisecond
        // or so, and one write costs less than a trip through libuv's thread pool.
        const bytes = Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
        const journal = this.#journal(workflowId);
        try {
            // A full disk can take part of a write before it refuses the rest.
            for (let written = 0; written < bytes.length;)
                written += (0,external_node_fs_.writeSync)(journal.fd, bytes, written);
            journal.size += bytes.length;
        }
        catch (error) {
            try {
                (0,external_node_fs_.ftruncateSync)(journal.fd, journal.size);
            }
            catch {
                // The cut line is skipped by readEvents anyway.
            }
            throw error;
        }
    }
    /** The run's open journal, opened on the first append. */
    #journal(workflowId) {
        let journal = this.#journals.get(workflowId);
        if (journal === undefined) {
            const fd = (0,external_node_fs_.openSync)((0,external_node_path_.join)(this.#runDir(workflowId), 'events.jsonl'), 'a');
            journal = { fd, size: (0,external_node_fs_.fstatSync)(fd).size };
            this.#journals.set(workflowId, journal);
        }
        return journal;
    }
    #closeJournal(workflowId) {
        const journal = this.#journals.get(workflowId);
        if (journal === undefined)
            return;
        this.#journals.delete(workflowId);
        try {
            (0,external_node_fs_.closeSync)(journal.fd);
        }
        catch {
            // Nothing was pending: every append is written at once.
        }
    }
    async readRun(workflowId) {
        const text = await readText((0,external_node_path_.join)(this.#runDir(workflowId), 'state.json'));
        const saved = text === undefined ? undefined : parseRunRecord(text);
        if (!saved)
            return undefined;
        // The record is saved at most every few hundred ms; the journal has every event since.
        const record = isTerminal(saved.status) || saved.journalCount === undefined ? saved : withJournal(saved, await this.readEvents(workflowId));
        return { record, alive: isTerminal(record.status) ? false : ownerAlive(record, Date.now()) };
    }
    async readDefinition(workflowId) {
        const text = await readText((0,external_node_path_.join)(this.#runDir(workflowId), 'definition.json'));
        if (text === undefined)
            return undefined;
        try {
            const parsed = JSON.parse(text);
            return typeof parsed.file === 'string' && typeof parsed.root === 'string' ? parsed : undefined;
        }
        catch {
            return undefined;
        }
    }
    async readEvents(workflowId) {
        const text = (await readText((0,external_node_path_.join)(this.#runDir(workflowId), 'events.jsonl'))) ?? '';
        const events = [];
        for (const line of text.split('\n')) {
            if (line.trim() === '')
                continue;
            try {
                events.push(JSON.parse(line));
            }
            catch {
                // Only the line a crash cut short can fail to parse; the rest of the journal stands.
            }
        }
        return events;
    }
    async listRuns() {
        let names;
        try {
            names = await (0,promises_namespaceObject.readdir)((0,external_node_path_.join)(this.dir, 'runs'));
        }
        catch {
            return [];
        }
        const runs = [];
        for (const name of names) {
            const run = await this.readRun(name);
            if (run)
                runs.push(run);
        }
        return runs.sort((a, b) => b.record.startTime.localeCompare(a.record.startTime));
    }
    async sendControl(workflowId, action) {
        const request = { id: newRequestId(), action, time: new Date().toISOString() };
        await this.#withControlLock(workflowId, async (file) => {
            const requests = parseControl((await readText(file)) ?? '');
            await writeFileAtomic(file, `${JSON.stringify({ requests: [...requests, request] }, null, 2)}\n`);
        });
        return request;
    }
    async readControl(workflowId) {
        return parseControl((await readText((0,external_node_path_.join)(this.#runDir(workflowId), 'control.json'))) ?? '');
    }
    async clearControl(workflowId) {
        await this.#withControlLock(workflowId, (file) => writeFileAtomic(file, `${JSON.stringify({ requests: [] }, null, 2)}\n`));
    }
    watchControl(workflowId, onChange) {
        try {
            const watcher = (0,external_node_fs_.watch)(this.#runDir(workflowId), { persistent: false }, (_event, file) => {
                if (file === null || file === 'control.json')
                    onChange();
            });
            watcher.on('error', () => watcher.close());
            return () => watcher.close();
        }
        catch {
            // Some file systems cannot be watched; the poll still delivers within its period.
            return () => { };
        }
    }
    async readHistory(workflowName) {
        const text = await readText(this.#historyFile(workflowName));
        return text === undefined ? {} : meanDurations(parseHistory(text));
    }
    async addHistory(workflowName, steps) {
        const file = this.#historyFile(workflowName);
        await (0,promises_namespaceObject.mkdir)((0,external_node_path_.join)(this.dir, 'history'), { recursive: true });
        const previous = parseHistory((await readText(file)) ?? '{}');
        await writeFileAtomic(file, `${JSON.stringify(addDurations(previous, steps))}\n`);
    }
    #runDir(workflowId) {
        return (0,external_node_path_.join)(this.dir, 'runs', workflowId);
    }
    #historyFile(workflowName) {
        return (0,external_node_path_.join)(this.dir, 'history', `${historyKey(workflowName)}.json`);
    }
    /** Two monitors writing at once must not drop each other's request: control.json changes under a lock file. */
    async #withControlLock(workflowId, change) {
        const folder = this.#runDir(workflowId);
        await (0,promises_namespaceObject.mkdir)(folder, { recursive: true });
        const lock = (0,external_node_path_.join)(folder, 'control.lock');
        const deadline = Date.now() + 10_000;
        for (;;) {
            try {
                const handle = await (0,promises_namespaceObject.open)(lock, 'wx');
                await handle.close();
                break;
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw error;
                const age = await (0,promises_namespaceObject.stat)(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
                if (age > LOCK_STALE_MS || Date.now() > deadline)
                    await (0,promises_namespaceObject.rm)(lock, { force: true });
                else
                    await new Promise((wake) => setTimeout(wake, 20));
            }
        }
        try {
            await change((0,external_node_path_.join)(folder, 'control.json'));
        }
        finally {
            await (0,promises_namespaceObject.rm)(lock, { force: true });
        }
    }
    /** Temporary files a killed writer left behind. */
    async #removeStaleTemps(folder) {
        const names = await (0,promises_namespaceObject.readdir)(folder).catch(() => []);
        await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => (0,promises_namespaceObject.rm)((0,external_node_path_.join)(folder, n), { force: true })));
    }
}
/** Whether the record's owner still runs: its pid on this host, and a heartbeat that is fresh. */
function ownerAlive(record, now) {
    if (now - Date.parse(record.updateTime) > STALE_AFTER_MS)
        return false;
    if (record.owner.hostname !== (0,external_node_os_namespaceObject.hostname)())
        return true;
    try {
        process.kill(record.owner.pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: the pid exists but belongs to someone else, so it is alive.
        return error.code === 'EPERM';
    }
}
function* withNewline(pieces) {
    yield* pieces;
    yield '\n';
}
function newRequestId() {
    return `${Date.now().toString().padStart(15, '0')}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
}
function parseControl(text) {
    try {
        const parsed = JSON.parse(text);
        if (!Array.isArray(parsed.requests))
            return [];
        return parsed.requests.filter((r) => typeof r === 'object' && r !== null && typeof r.id === 'string' && CONTROL_ACTIONS.includes(r.action));
    }
    catch {
        return [];
    }
}
async function readText(file) {
    try {
        return await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/cli/commands/list.ts



function registerListCommand(program) {
    program
        .command('list')
        .description('list the runs in the state folder, newest first')
        .option('--state-dir <dir>', 'state folder (default: $TASK_ORCHESTRATOR_STATE_DIR or .task-orchestrator)')
        .option('--json', 'print the list as JSON on stdout')
        .action(async (opts) => {
        process.exitCode = await listCommand(opts);
    });
}
async function listCommand(opts) {
    const runs = (await new LocalStateStore(resolveStateDir(opts.stateDir)).listRuns()).map(listing);
    if (opts.json) {
        process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
        return EXIT.success;
    }
    if (runs.length === 0) {
        process.stdout.write('no runs\n');
        return EXIT.success;
    }
    const rows = [['WORKFLOW ID', 'NAME', 'STATUS', 'STEPS', 'STARTED'], ...runs.map((r) => [r.workflowId, r.name, r.status, `${r.progress.completed}/${r.progress.total}`, r.startTime])];
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
    process.stdout.write(rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n');
    return EXIT.success;
}
function listing({ record, alive }) {
    return {
        workflowId: record.workflowId,
        name: record.name,
        status: !isTerminal(record.status) && alive === false ? 'interrupted' : record.status,
        progress: { completed: record.steps.filter((s) => s.status !== 'pending' && s.status !== 'running').length, total: record.steps.length },
        attempt: record.attempt,
        startTime: record.startTime,
        endTime: record.endTime,
    };
}

;// CONCATENATED MODULE: ./src/state/monitoring-results.ts

/** nextSteps lists at most this many steps, soonest first. */
const NEXT_STEPS_SHOWN = 10;
/** `alive === false` on a run without a result means its process died: `interrupted`. */
function monitoringResults(record, alive, now, history) {
    const status = !isTerminal(record.status) && alive === false ? 'interrupted' : record.status;
    const total = record.steps.length;
    const settled = record.steps.filter((s) => s.status !== 'pending' && s.status !== 'running');
    const starts = estimatedStarts(record, now, history);
    const started = Date.parse(record.startTime);
    const end = record.endTime ? Date.parse(record.endTime) : status === 'interrupted' ? Date.parse(record.updateTime) : now;
    const minutes = Math.max(end - started, 1) / 60_000;
    const cpu = record.machine.cpu;
    const memory = record.machine.memory;
    return {
        workflowId: record.workflowId,
        status,
        progress: { completed: settled.length, total, percentage: total === 0 ? 100 : Math.round((100 * settled.length) / total) },
        activeSteps: status === 'interrupted'
            ? []
            : record.steps
                .filter((s) => s.status === 'running')
                .map((s) => ({
                id: s.id,
                name: s.name,
                status: 'running',
                progress: { percentage: s.percentage ?? null, currentTask: s.task ?? null },
                startTime: s.startTime,
                attempt: s.attempt,
            })),
        nextSteps: record.steps
            .filter((s) => s.status === 'pending' || (status === 'interrupted' && s.status === 'running'))
            .map((s) => ({ id: s.id, name: s.name, estimatedStart: isTerminal(record.status) || status === 'interrupted' ? null : isoOrNull(starts.get(s.id)) }))
            .sort((a, b) => (a.estimatedStart ?? '\uffff').localeCompare(b.estimatedStart ?? '\uffff'))
            .slice(0, NEXT_STEPS_SHOWN),
        metrics: {
            throughput: `${(settled.length / minutes).toFixed(2)} steps/minute`,
            cpuUsage: cpu === null ? null : `${cpu}%`,
            memoryUsage: memory === null ? null : `${memory}%`,
        },
        circuitBreaker: record.circuitBreaker,
        name: record.name,
        attempt: record.attempt,
        startTime: record.startTime,
        updateTime: record.updateTime,
        endTime: record.endTime,
    };
}
/**
 * Earliest start of each unfinished step, assuming free capacity: a step starts when its finish_to_start
 * predecessors are estimated to end and its start_to_start ones to start (finish-side edges do not hold a
 * start). A step whose duration is unknown (no history, no estimatedDuration) leaves its dependents
 * without an estimate.
 */
function estimatedStarts(record, now, history) {
    const byId = new Map(record.steps.map((s) => [s.id, s]));
    const incoming = new Map();
    for (const d of record.dependencies)
        incoming.set(d.to, [...(incoming.get(d.to) ?? []), d]);
    const starts = new Map();
    const ends = new Map();
    const visiting = new Set();
    const duration = (step) => history[step.id] ?? step.estimatedDuration;
    const startOf = (id) => {
        if (starts.has(id))
            return starts.get(id);
        const step = byId.get(id);
        if (!step || visiting.has(id))
            return undefined;
        visiting.add(id);
        let start;
        if (step.startTime !== null) {
            start = Date.parse(step.startTime);
        }
        else if (step.status !== 'pending') {
            start = undefined;
        }
        else {
            start = now;
            for (const edge of incoming.get(id) ?? []) {
                const bound = edge.type === 'finish_to_start' ? endOf(edge.from) : edge.type === 'start_to_start' ? startOf(edge.from) : now;
                start = bound === undefined || start === undefined ? undefined : Math.max(start, bound);
            }
        }
        visiting.delete(id);
        starts.set(id, start);
        return start;
    };
    const endOf = (id) => {
        if (ends.has(id))
            return ends.get(id);
        const step = byId.get(id);
        let end;
        if (step?.result) {
            end = step.result.endTime ? Date.parse(step.result.endTime) : now;
        }
        else if (step) {
            const start = startOf(id);
            const length = duration(step);
            end = start === undefined || length === undefined ? undefined : Math.max(start + length, now);
        }
        ends.set(id, end);
        return end;
    };
    for (const step of record.steps)
        if (!step.result)
            startOf(step.id);
    return starts;
}
function isoOrNull(time) {
    return time === undefined ? null : new Date(time).toISOString();
}

;// CONCATENATED MODULE: ./src/state/workflow-id.ts

const WORKFLOW_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
function checkWorkflowId(id) {
    if (!WORKFLOW_ID.test(id) || id.includes('..') || id.endsWith('.lock') || id.endsWith('.')) {
        return err(`invalid workflow id '${id}': use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit)`);
    }
    return ok(id);
}

;// CONCATENATED MODULE: ./src/state/monitor.ts






const MONITOR_ACTIONS = ['status', 'pause', 'resume', 'cancel', 'restart'];
function isMonitorAction(value) {
    return MONITOR_ACTIONS.includes(value);
}
/** The run's "Monitoring Results"; an error when the store has no such run. */
async function readStatus(store, workflowId, now = Date.now()) {
    // The id names a folder (or a ref): one that climbs out of the state store is not a run.
    const id = checkWorkflowId(workflowId);
    if (!id.ok)
        return id;
    const stored = await store.readRun(workflowId);
    if (!stored)
        return err(`no workflow with id '${workflowId}' in the state store`);
    const history = await store.readHistory(stored.record.name).catch(() => ({}));
    return ok(monitoringResults(stored.record, stored.alive, now, history));
}
/** Sends pause, resume or cancel to a live run; a finished or dead run cannot obey, so that is an error. */
async function requestControl(store, workflowId, action) {
    // The id names a folder (or a ref): one that climbs out of the state store is not a run.
    const id = checkWorkflowId(workflowId);
    if (!id.ok)
        return id;
    const stored = await store.readRun(workflowId);
    if (!stored)
        return err(`no workflow with id '${workflowId}' in the state store`);
    const state = runState(stored);
    if (state !== 'running' && state !== 'paused' && state !== 'cancelling')
        return err(`workflow ${workflowId} is ${state}: nothing to ${action}`);
    return ok(await store.sendControl(workflowId, action));
}
/**
 * Loads a stored run for a restart. Refuses a run that is still alive (cancel it first) and a
 * definition that no longer loads.
 */
async function planRestart(store, workflowId, options = {}) {
    // The id names a folder (or a ref): one that climbs out of the state store is not a run.
    const id = checkWorkflowId(workflowId);
    if (!id.ok)
        return id;
    const stored = await store.readRun(workflowId);
    if (!stored)
        return err(`no workflow with id '${workflowId}' in the state store`);
    const state = runState(stored);
    if (!isTerminal(stored.record.status) && state !== 'interrupted')
        return err(`workflow ${workflowId} is ${state}; cancel it before restarting`);
    const definition = await store.readDefinition(workflowId);
    if (!definition)
        return err(`workflow ${workflowId} has no stored definition to restart from`);
    // JSON is YAML too, so the stored text loads whatever the original file's extension says.
    const loaded = loadDefinitionText(JSON.stringify(definition.definition), definition.file, { root: definition.root });
    if (!loaded.ok)
        return err(`the stored definition no longer loads:\n${loaded.error.map((d) => formatDiagnostic(d)).join('\n')}`);
    const request = { ...loaded.value, source: { file: definition.file, root: definition.root } };
    return ok({
        request,
        ...(options.all ? {} : { previous: finishedResults(stored.record) }),
        ...(definition.concurrency !== undefined ? { concurrency: definition.concurrency } : {}),
        record: stored.record,
    });
}
function runState(stored) {
    return !isTerminal(stored.record.status) && stored.alive === false ? 'interrupted' : stored.record.status;
}

;// CONCATENATED MODULE: ./src/engine/machine.ts
/**
 * What this machine offers and how busy it is: the default capacity (SPEC §6) and the load figures
 * that auto-scaling and `monitor status` report.
 */


/** nvidia-smi can hang on a wedged driver; capacity detection must not. */
const NVIDIA_SMI_TIMEOUT_MS = 5000;
/**
 * The machine's capacity: every CPU, the total memory in bytes, and the GPUs `nvidia-smi -L` lists (0
 * without it). `withGpus = false` skips that process, for workflows that ask for no GPU.
 */
async function detectCapacity(withGpus = true) {
    return { cpu: (0,external_node_os_namespaceObject.availableParallelism)(), memory: (0,external_node_os_namespaceObject.totalmem)(), gpu: withGpus ? await countGpus() : 0 };
}
/** The number of GPUs `nvidia-smi -L` (found on `env`'s PATH) lists; 0 when it is missing, fails or times out. */
function countGpus(env = process.env) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('nvidia-smi', ['-L'], { env, timeout: NVIDIA_SMI_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
            if (error) {
                resolve(0);
                return;
            }
            resolve(String(stdout).split('\n').filter((line) => /^GPU \d+/.test(line.trim())).length);
        });
    });
}
/** Percent of memory in use (total minus what the kernel reports available). */
function memoryUsagePercent() {
    const total = (0,external_node_os_namespaceObject.totalmem)();
    return total === 0 ? 0 : ((total - (0,external_node_os_namespaceObject.freemem)()) / total) * 100;
}
/**
 * Measures CPU use between calls, from the kernel's per-CPU time counters (`os.cpus()`); no process is
 * started, so sampling every few seconds costs nothing.
 */
class CpuSampler {
    #last = readCpuTimes();
    /** Percent (0..100) of all CPUs' time spent busy since the previous call (or since construction). */
    sample() {
        const now = readCpuTimes();
        const total = now.total - this.#last.total;
        const busy = now.busy - this.#last.busy;
        this.#last = now;
        if (total <= 0)
            return 0;
        return Math.min(100, Math.max(0, (busy / total) * 100));
    }
}
function readCpuTimes() {
    let busy = 0;
    let total = 0;
    for (const cpu of (0,external_node_os_namespaceObject.cpus)()) {
        const { user, nice, sys, idle, irq } = cpu.times;
        busy += user + nice + sys + irq;
        total += user + nice + sys + idle + irq;
    }
    return { busy, total };
}

;// CONCATENATED MODULE: ./src/engine/autoscaler.ts

/**
 * The next concurrency limit. Raising needs both spare CPU and a limit that is actually binding (every
 * slot busy and work waiting), otherwise an idle run would climb to max for nothing.
 */
function decideConcurrency(settings, input) {
    const { minReplicas: min, maxReplicas: max, targetCPU: target } = settings;
    const current = Math.min(max, Math.max(min, input.current));
    if (current !== input.current)
        return current;
    if (input.cpu > target && current > min)
        return current - 1;
    if (input.cpu < target && current < max && input.queued > 0 && input.running >= current)
        return current + 1;
    return current;
}
/**
 * Starts adapting `run`'s concurrency (first to minReplicas) and stops by itself when the run is done.
 * Does nothing when autoScaling is not enabled.
 */
function startAutoScaler(run, settings, options = {}) {
    if (!settings.enabled)
        return { stop: () => { } };
    const sampler = new CpuSampler();
    const sampleCpu = options.sampleCpu ?? (() => sampler.sample());
    run.setConcurrency(settings.minReplicas);
    // The first sample only sets the sampler's baseline; decisions start from the next one.
    sampleCpu();
    const timer = setInterval(() => {
        const snapshot = run.snapshot();
        const cpu = sampleCpu();
        // 0: the scheduler is not up yet (capacity detection is asynchronous).
        if (snapshot.concurrency === 0)
            return;
        const to = decideConcurrency(settings, { current: snapshot.concurrency, cpu, running: snapshot.running.length, queued: snapshot.pending.length });
        if (to === snapshot.concurrency)
            return;
        run.setConcurrency(to, cpu);
        options.onChange?.({ from: snapshot.concurrency, to, cpu });
    }, options.intervalMs ?? 1000);
    timer.unref();
    const stop = () => clearInterval(timer);
    void run.done.then(stop);
    return { stop };
}

;// CONCATENATED MODULE: ./src/engine/process/node-spawner.ts
/**
 * Processes started by Node itself (`child_process.spawn`): the spawner where no helper can run, and on
 * Windows. Each spawn forks the whole Node process on the event loop, which is why helper-spawner.ts exists.
 */

const NOT_STARTED = { kill: () => { } };
const nodeSpawner = {
    name: 'node',
    spawn(request, listener) {
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(request.file, request.args, {
                cwd: request.cwd,
                env: request.env,
                ...(request.argv0 !== undefined ? { argv0: request.argv0 } : {}),
                // Its own process group (and session): one signal to -pid reaches every ordinary descendant.
                detached: true,
                stdio: ['ignore', 'pipe', 'pipe'],
            });
        }
        catch (error) {
            queueMicrotask(() => listener.failed(failureOf(error)));
            return NOT_STARTED;
        }
        const pid = child.pid;
        if (pid === undefined) {
            // Node reports a failed start asynchronously, as 'error'; the pipes are destroyed with it.
            child.stdout?.destroy();
            child.stderr?.destroy();
            child.once('error', (error) => listener.failed(failureOf(error)));
            return NOT_STARTED;
        }
        listener.started(pid);
        // After a successful start, 'error' only reports a failed kill(), which we never ask the child for.
        child.on('error', () => { });
        child.once('exit', (code, signal) => listener.ended(code, signal));
        if (child.stdout)
            follow(child.stdout, 'stdout', listener);
        if (child.stderr)
            follow(child.stderr, 'stderr', listener);
        return { kill: (signal) => void child.kill(signal) };
    },
};
function follow(stream, name, listener) {
    stream.on('data', (chunk) => listener.output(name, chunk));
    stream.once('close', () => listener.streamEnded(name));
}
function failureOf(error) {
    // Duck-typed: errors from Node's own realm are not `instanceof Error` in every host (jest's VM).
    const { code, message } = (typeof error === 'object' && error !== null ? error : {});
    // Node cannot tell a missing working directory from a missing program: both are ENOENT from exec.
    return { code, stage: undefined, message: message ?? String(error) };
}

;// CONCATENATED MODULE: ./src/engine/process/process-tree.ts
/**
 * Finding and signalling every process a step started. The step leads its own process group, which
 * catches ordinary children; processes that leave the group (`setsid`, daemons) are found by a token
 * in their inherited environment, the way Jenkins' ProcessTreeKiller finds a build's strays. Scanning
 * /proc costs milliseconds, so it only happens when something is being killed.
 */


/** The environment variable that marks every process descended from one step attempt. */
const PROCESS_TOKEN_VARIABLE = 'TASK_ORCHESTRATOR_PROCESS_TOKEN';
const isWindows = process.platform === 'win32';
const canSweep = process.platform === 'linux';
const tokenPrefix = `${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.`;
let tokenCounter = 0;
/** Enough to cover /proc quickly without opening hundreds of files at once. */
const SWEEP_PARALLELISM = 16;
/** A token unique to this attempt (no two attempts of any orchestrator on the machine share one). */
function newProcessToken() {
    tokenCounter += 1;
    return tokenPrefix + tokenCounter.toString(36);
}
/** Whether any process is still in the group `pgid` (signal 0 only checks, it delivers nothing). */
function groupHasMembers(pgid) {
    if (isWindows)
        return false;
    return signalExists(-pgid);
}
/** Sends `signal` to the whole group; a group already gone is not an error. */
function signalGroup(pgid, signal) {
    if (isWindows)
        return;
    signalQuietly(-pgid, signal);
}
/** Sends `signal` to one process; a process already gone is not an error. */
function signalProcess(pid, signal) {
    signalQuietly(pid, signal);
}
/** Whether {@link findTreeProcesses} can see anything on this platform (it reads Linux's /proc). */
const canScanProcesses = canSweep;
/**
 * The live (not zombie) processes of a step: those in process group `pgid` and those whose environment
 * carries `token` (Linux only; elsewhere none). Processes of other users, and ones that vanish while we
 * look, are skipped. A process that replaced its whole environment (`env -i`) and left the group cannot
 * be found. Zombies are left out: they are dead, only waiting for a parent (or a slow init) to reap them.
 */
async function findTreeProcesses(token, pgid) {
    if (!canSweep)
        return [];
    let entries;
    try {
        entries = await (0,promises_namespaceObject.readdir)('/proc');
    }
    catch {
        return [];
    }
    const needle = Buffer.from(`${PROCESS_TOKEN_VARIABLE}=${token}\0`);
    const pids = entries.filter((name) => name.charCodeAt(0) >= 48 && name.charCodeAt(0) <= 57).map(Number);
    const found = [];
    let next = 0;
    const worker = async () => {
        while (next < pids.length) {
            const pid = pids[next++];
            if (pid === process.pid)
                continue;
            try {
                const stat = parseStat(await (0,promises_namespaceObject.readFile)(`/proc/${pid}/stat`, 'latin1'));
                if (stat === null || stat.state === 'Z' || stat.state === 'X')
                    continue;
                if (stat.pgrp === pgid)
                    found.push({ pid, inGroup: true });
                else if ((await (0,promises_namespaceObject.readFile)(`/proc/${pid}/environ`)).indexOf(needle) !== -1)
                    found.push({ pid, inGroup: false });
            }
            catch {
                // Gone, or not ours to read: either way not a process of this step we could signal.
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_PARALLELISM, pids.length) }, worker));
    return found;
}
/** State and process group from `/proc/<pid>/stat`; the command name may hold spaces and parentheses. */
function parseStat(text) {
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const pgrp = Number(fields[2]);
    return state === undefined || !Number.isInteger(pgrp) ? null : { state, pgrp };
}
function signalExists(target) {
    try {
        process.kill(target, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists but belongs to someone else (a setuid child); still alive.
        return error.code === 'EPERM';
    }
}
function signalQuietly(target, signal) {
    try {
        process.kill(target, signal);
    }
    catch {
        // ESRCH: already gone, which is what we wanted.
    }
}

;// CONCATENATED MODULE: ./src/engine/process/spawner-protocol.ts
/**
 * The spawner helpers' wire format (described in perl-spawner-script.ts): requests as NUL-ended fields, replies
 * as ASCII lines with raw output after O and E lines. Pure: no processes here, so it is tested alone.
 */

const NUL = '\0';
/** `B`: an environment that later requests name by `base` and layer their own variables over. */
function encodeBase(base, entries) {
    let text = `B${NUL}${base}${NUL}${entries.length}${NUL}`;
    for (const [key, value] of entries)
        text += `${key}=${value}${NUL}`;
    return text;
}
/** `R`: start `file` with argv `[argv0 ?? file, ...args]` in `cwd`, environment `base` plus `env`. */
function encodeStart(request) {
    let text = `R${NUL}${request.id}${NUL}${request.base}${NUL}${request.cwd}${NUL}${request.file}${NUL}${request.args.length + 1}${NUL}${request.argv0 ?? request.file}${NUL}`;
    for (const arg of request.args)
        text += arg + NUL;
    text += `${request.env.length}${NUL}`;
    for (const [key, value] of request.env)
        text += value === undefined ? key + NUL : `${key}=${value}${NUL}`;
    return text;
}
/** Whether a string can cross the wire: execve itself cannot take a NUL inside an argument. */
function hasNul(text) {
    return text.includes(NUL);
}
const NEWLINE = 10;
/** A reply line is short; anything longer means the stream is not what we think it is. */
const MAX_HEADER = 256;
/**
 * Reads the reply stream chunk by chunk. Output is handed on as it arrives, a piece of a frame at a time,
 * so a step printing a gigabyte never has more than one chunk of it in memory here.
 */
class ReplyParser {
    #handler;
    #header = null;
    /** Output bytes still to come for the frame being read, and whose they are. */
    #remaining = 0;
    #frameId = 0;
    #frameStream = 1;
    constructor(handler) {
        this.#handler = handler;
    }
    /** Throws on a malformed reply (the spawner and we disagree: nothing after it can be trusted). */
    push(chunk) {
        let at = 0;
        while (at < chunk.length) {
            if (this.#remaining > 0) {
                const take = Math.min(this.#remaining, chunk.length - at);
                this.#remaining -= take;
                this.#handler.output(this.#frameId, this.#frameStream, chunk.subarray(at, at + take));
                at += take;
                continue;
            }
            const newline = chunk.indexOf(NEWLINE, at);
            if (newline === -1) {
                this.#header = this.#header ? Buffer.concat([this.#header, chunk.subarray(at)]) : Buffer.from(chunk.subarray(at));
                if (this.#header.length > MAX_HEADER)
                    throw new Error('spawner reply line too long');
                return;
            }
            const piece = chunk.subarray(at, newline);
            const line = (this.#header ? Buffer.concat([this.#header, piece]) : piece).toString('latin1');
            this.#header = null;
            at = newline + 1;
            this.#dispatch(line);
        }
    }
    #dispatch(line) {
        const [kind, idText, first, second, third] = line.split(' ');
        const id = Number(idText);
        const a = Number(first);
        if (!Number.isInteger(id) || first === undefined)
            throw new Error(`malformed spawner reply: ${JSON.stringify(line)}`);
        switch (kind) {
            case 'H':
                this.#handler.ready();
                return;
            case 'S':
                this.#handler.started(id, a);
                return;
            case 'F':
                this.#handler.failed(id, first, Number(second));
                return;
            case 'O':
            case 'E':
                this.#frameId = id;
                this.#frameStream = kind === 'O' ? 1 : 2;
                this.#remaining = a;
                return;
            case 'C':
                this.#handler.streamEnded(id, a === 2 ? 2 : 1);
                return;
            case 'X': {
                const signal = Number(second);
                const name = signal === 0 ? undefined : signalNames.get(signal);
                const left = third === '1';
                if (signal === 0)
                    this.#handler.exited(id, a, null, left);
                else if (name !== undefined)
                    this.#handler.exited(id, null, name, left);
                // A signal Node has no name for (a real-time one): the shell's convention, 128 + its number.
                else
                    this.#handler.exited(id, 128 + signal, null, left);
                return;
            }
            default:
                throw new Error(`malformed spawner reply: ${JSON.stringify(line)}`);
        }
    }
}
const signalNames = new Map(Object.entries(external_node_os_namespaceObject.constants.signals).map(([name, number]) => [number, name]));
const errnoNames = new Map(Object.entries(external_node_os_namespaceObject.constants.errno).map(([name, number]) => [number, name]));
/** `2` → `ENOENT`. */
function errnoName(errno) {
    return errnoNames.get(errno);
}

;// CONCATENATED MODULE: ./src/engine/process/helper-spawner.ts
/**
 * Steps started by a helper process that forks or spawns them for us (perl-spawner-script.ts and
 * python-spawner-script.ts say why): one helper per orchestrator, started on the first spawn and ended
 * after a moment with nothing running. Where the helper cannot start, says it cannot work here, or dies,
 * steps go to the next spawner (Python's to Perl's, Perl's to Node), so a missing interpreter only costs
 * speed.
 */




/** With nothing running this long, the helper is told to exit (a new one starts in ~5 ms when needed). */
const IDLE_EXIT_MS = 2000;
/**
 * Distinct base environments the helper keeps. A run has one (its snapshot, which every step's
 * environment is layered over); a few more cover concurrent runs in one process (tests, rollback).
 */
const BASE_SLOTS = 8;
/** Of the helper's own stderr, kept to explain its death. */
const STDERR_TAIL = 2000;
const streamName = (stream) => (stream === 1 ? 'stdout' : 'stderr');
class HelperSpawner {
    name;
    #program;
    /** Where requests go when this helper cannot take them. */
    #next;
    #helper = null;
    /** The helper could not be started, cannot work here, or died under us: #next starts everything now. */
    #unavailable = false;
    /** The helper said hello: from now on a request it did not report may have started. */
    #ready = false;
    #closing = false;
    #stderrTail = '';
    #live = new Map();
    #nextId = 1;
    /** Base environments by slot; the helper holds the same ones. */
    #bases = [];
    #nextSlot = 0;
    #idleTimer = null;
    constructor(program, next) {
        this.name = program.name;
        this.#program = program;
        this.#next = next;
    }
    spawn(request, listener) {
        const helper = this.#unavailable || !argumentsCrossWire(request) ? null : this.#ensureHelper();
        const layered = helper === null ? null : this.#layer(helper, request.env);
        if (helper === null || helper.stdin === null || layered === null)
            return this.#next.spawn(request, listener);
        const { base, own } = layered;
        const id = this.#nextId++;
        const handle = { kill: (signal) => this.#kill(id, signal) };
        this.#live.set(id, { request, listener, handle, pid: undefined, open: new Set(['stdout', 'stderr']), exited: false });
        this.#busy(helper);
        // Absolute: the helper's own working directory is not ours (the Python one moves its own).
        const cwd = (0,external_node_path_.resolve)(request.cwd);
        helper.stdin.write(encodeStart({ id, base, cwd, file: request.file, ...(request.argv0 !== undefined ? { argv0: request.argv0 } : {}), args: request.args, env: own }));
        return handle;
    }
    warmUp() {
        if (this.#unavailable || this.#helper !== null)
            return;
        const helper = this.#ensureHelper();
        // Idle until the first spawn: it neither holds the process open nor outlives a failed load for long.
        if (helper !== null && this.#live.size === 0)
            this.#idle(helper);
    }
    ready() {
        this.#ready = true;
    }
    started(id, pid) {
        const live = this.#live.get(id);
        if (live === undefined)
            return;
        live.pid = pid;
        live.listener.started(pid);
    }
    failed(id, stage, errno) {
        const live = this.#live.get(id);
        if (live === undefined)
            return;
        if (stage === 'unsupported') {
            // Nothing ran. Steps already running here finish here; every later one starts elsewhere.
            this.#unavailable = true;
            this.#moveOn(id, live);
            return;
        }
        this.#forget(id);
        const code = errnoName(errno);
        const where = stage === 'cwd' ? `working directory ${live.request.cwd}` : live.request.file;
        live.listener.failed({
            code,
            stage: stage === 'cwd' || stage === 'exec' ? stage : undefined,
            message: `spawn ${where} ${code ?? `errno ${errno}`}`,
        });
    }
    output(id, stream, chunk) {
        this.#live.get(id)?.listener.output(streamName(stream), chunk);
    }
    streamEnded(id, stream) {
        const live = this.#live.get(id);
        if (live === undefined)
            return;
        const name = streamName(stream);
        live.open.delete(name);
        if (live.exited && live.open.size === 0)
            this.#forget(id);
        live.listener.streamEnded(name);
    }
    exited(id, code, signal, groupLeft) {
        const live = this.#live.get(id);
        if (live === undefined)
            return;
        live.exited = true;
        if (live.open.size === 0)
            this.#forget(id);
        live.listener.ended(code, signal, groupLeft);
    }
    #kill(id, signal) {
        const pid = this.#live.get(id)?.pid;
        if (pid !== undefined)
            signalProcess(pid, signal);
    }
    #ensureHelper() {
        if (this.#helper !== null)
            return this.#helper;
        let helper;
        try {
            helper = (0,external_node_child_process_.spawn)(this.#program.command, this.#program.args, { stdio: ['pipe', 'pipe', 'pipe'] });
        }
        catch {
            this.#unavailable = true;
            return null;
        }
        if (helper.pid === undefined || helper.stdin === null || helper.stdout === null) {
            // Not installed: 'error' follows asynchronously and is all that comes.
            helper.once('error', () => { });
            this.#unavailable = true;
            return null;
        }
        this.#helper = helper;
        this.#closing = false;
        this.#ready = false;
        this.#bases.length = 0;
        this.#nextSlot = 0;
        const parser = new ReplyParser(this);
        helper.stdout.on('data', (chunk) => {
            try {
                parser.push(chunk);
            }
            catch (error) {
                this.#stderrTail += `\n${error instanceof Error ? error.message : String(error)}`;
                helper.kill('SIGKILL');
            }
        });
        helper.stderr?.on('data', (chunk) => (this.#stderrTail = (this.#stderrTail + chunk.toString()).slice(-STDERR_TAIL)));
        helper.stdin.on('error', () => { }); // EPIPE once it is gone: 'exit' tells the rest
        helper.on('error', () => { });
        // 'close', not 'exit': every reply it wrote has been read by then.
        helper.once('close', () => this.#helperExited(helper));
        return helper;
    }
    /**
     * The environment as a base the helper already has (sent now if new) plus this request's own keys;
     * null when some entry cannot cross the wire.
     */
    #layer(helper, env) {
        const layers = [];
        let base = env;
        for (let up = Object.getPrototypeOf(base); up !== null && up !== Object.prototype; up = Object.getPrototypeOf(up)) {
            layers.push(base);
            base = up;
        }
        let slot = this.#bases.indexOf(base);
        if (slot === -1) {
            const entries = entriesOf(base).filter((entry) => entry[1] !== undefined);
            if (!entriesCrossWire(entries))
                return null;
            slot = this.#nextSlot;
            this.#nextSlot = (this.#nextSlot + 1) % BASE_SLOTS;
            this.#bases[slot] = base;
            helper.stdin?.write(encodeBase(slot, entries));
        }
        const own = [];
        // Farthest layer first: the helper sets them in order, so a nearer layer's value wins.
        for (let i = layers.length - 1; i >= 0; i--)
            own.push(...entriesOf(layers[i]));
        return entriesCrossWire(own) ? { base: slot, own } : null;
    }
    /** The request goes to the next spawner, and the caller's handle with it. */
    #moveOn(id, live) {
        this.#forget(id);
        const moved = this.#next.spawn(live.request, live.listener);
        live.handle.kill = (signal) => moved.kill(signal);
    }
    #forget(id) {
        this.#live.delete(id);
        if (this.#live.size === 0 && this.#helper !== null)
            this.#idle(this.#helper);
    }
    #busy(helper) {
        if (this.#idleTimer !== null) {
            clearTimeout(this.#idleTimer);
            this.#idleTimer = null;
        }
        // Our only handle on running steps is the helper's pipe: it must keep the event loop alive.
        helper.ref();
        helper.stdout?.ref();
    }
    #idle(helper) {
        helper.unref();
        helper.stdout?.unref();
        helper.stderr?.unref();
        helper.stdin?.unref();
        if (this.#idleTimer !== null)
            return;
        this.#idleTimer = setTimeout(() => {
            this.#idleTimer = null;
            if (this.#live.size > 0 || this.#helper !== helper)
                return;
            this.#closing = true;
            helper.stdin?.end();
        }, IDLE_EXIT_MS);
        this.#idleTimer.unref();
    }
    /**
     * The helper is gone. Asked to go, with nothing running, that is all. Gone before its hello (the
     * interpreter is missing, too old, or broken), it started nothing: every request moves on to the next
     * spawner, quietly. Otherwise it is not to be trusted here, and later steps start elsewhere. What ran
     * under it has lost its pipes and is killed (the helper's own last act is to kill them too, when it
     * can). A request whose start was not yet reported may or may not have started (the helper reports a
     * start with its next reply), so it is not started again: it ends as a failed start, which the step's
     * retries cover like any other.
     */
    #helperExited(helper) {
        if (this.#helper === helper)
            this.#helper = null;
        if (this.#idleTimer !== null)
            clearTimeout(this.#idleTimer);
        this.#idleTimer = null;
        if (this.#closing && this.#live.size === 0)
            return;
        this.#unavailable = true;
        if (!this.#ready) {
            for (const [id, entry] of [...this.#live])
                this.#moveOn(id, entry);
            return;
        }
        process.emitWarning(`the ${this.#program.label} process spawner exited unexpectedly; steps are started by the ${this.#next.name} spawner from now on${this.#stderrTail ? `: ${this.#stderrTail.trim()}` : ''}`);
        const live = [...this.#live.values()];
        this.#live.clear();
        for (const entry of live) {
            if (entry.pid === undefined) {
                entry.listener.failed({ code: undefined, stage: 'lost', message: 'the process spawner exited before it reported the start' });
                continue;
            }
            signalGroup(entry.pid, 'SIGKILL');
            for (const stream of entry.open)
                entry.listener.streamEnded(stream);
            if (!entry.exited)
                entry.listener.ended(null, 'SIGKILL');
        }
    }
}
/** A layer's own variables; undefined ones (removed by this layer) stay, as removals. */
function entriesOf(layer) {
    const entries = [];
    for (const [key, value] of Object.entries(layer))
        entries.push([key, value === undefined ? undefined : String(value)]);
    return entries;
}
/** NUL cannot be sent (nor passed to execve at all): Node's own spawn then reports the error. */
function argumentsCrossWire(request) {
    return !hasNul(request.file) && !hasNul(request.cwd) && !hasNul(request.argv0 ?? '') && !request.args.some(hasNul);
}
function entriesCrossWire(entries) {
    return entries.every(([key, value]) => !hasNul(key) && (value === undefined || !hasNul(value)));
}

;// CONCATENATED MODULE: ./src/engine/process/perl-spawner-script.ts
/**
 * The source of the Perl spawner: a small Perl process that forks and execs step processes for us, where
 * the Python one (python-spawner-script.ts, cheaper per start) cannot run.
 *
 * Why not Node's own `spawn`: libuv forks the whole Node process for every child, synchronously on the
 * event loop, and the fork costs about 1 ms at a 50 MB heap and 4 ms at 150 MB (`../shared/bench/forkcost.mjs`).
 * A Perl process of a few MB forks in a tenth of that, on the other core, and our heap no longer slows
 * every start. Perl because it is already on every machine a step's `bash` is on: it is Essential in
 * Debian and Ubuntu (perl-base, which holds POSIX.pm) and ships with macOS and Git for Windows; where it is
 * missing, steps are spawned by Node as before (spawner.ts).
 *
 * Protocol. Requests on stdin are fields each ended by a NUL byte (no argument, path or environment entry
 * can hold a NUL, so no escaping is needed):
 *   B <base> <n> <K=V>×n                        an environment later requests layer over
 *   R <id> <base> <cwd> <file> <n> <arg>×n <m> <K=V>×m   start <file> with argv <arg>… (argv[0] first);
 *                                               an entry K without "=" removes K from the base
 * Replies on stdout are an ASCII line, followed for O and E by that many bytes of output:
 *   H 0 1                 hello, written before anything else: a helper that exits without it started
 *                         nothing (the other requests can go elsewhere)
 *   S <id> <pid>          forked: <pid> leads its own session and process group
 *   F <id> <stage> <errno> it did not start (stage pipe, fork, cwd or exec; errno as a number); nothing
 *                         follows for <id>, and an S for it may have come before. Stage `unsupported`:
 *                         this helper cannot start processes here at all (nothing ran; ask another)
 *   O <id> <len>          <len> bytes the process wrote on stdout; E: on stderr
 *   C <id> <1|2>          its stdout (1) or stderr (2) reached end of file (every holder closed it)
 *   X <id> <code> <sig> <left>  the process itself ended (waitpid): exit code, or the number of its
 *                         signal; <left> is 1 when its process group still has members (what it left
 *                         running), 0 when the group is gone
 * Whether the exec worked is read from a close-on-exec pipe only once it matters: before the process's
 * first output or end is reported (by then the exec is over, so the read never blocks). Every turn of the
 * loop makes one write to Node, and an S alone waits up to 5 ms for company: each wake-up costs both
 * processes more than the work it brings on a small machine.
 * When stdin ends (Node exited or was killed), every process still running gets SIGTERM to its group, and
 * SIGKILL two seconds later: a spawner never leaves steps behind. That is its only way to end: it ignores
 * SIGINT, SIGQUIT, SIGHUP and SIGTERM, which a terminal's Ctrl-C or a runner's cancel sends to the whole
 * process group, so that the orchestrator (which gets them too) can cancel the steps as it means to.
 */
const PERL_SPAWNER_SCRIPT = String.raw `
use strict;
use warnings;
use POSIX ();

my $input = '';
my (%id_of_pid, %pid_of_id, @bases);
# Output pipes we read: fileno => [handle, id, 1 (stdout) | 2 (stderr)]; and by id, to drop on failure.
my (%reader, %output_of);
# The exec-status pipe of each process whose start is not settled yet, by id.
my %status_of;
# The base environment now in our own %ENV, so a child only sets its few own variables.
my $current_base = -1;
$SIG{CHLD} = sub {};
# A Ctrl-C or a signal to the whole process group is for the orchestrator, which cancels the steps
# gracefully; the helper ends when its stdin does.
$SIG{$_} = 'IGNORE' for qw(PIPE INT QUIT HUP TERM);
binmode STDIN; binmode STDOUT;
syswrite(STDOUT, "H 0 1\n");

my $replies = '';
my $urgent = 0;
sub reply { $replies .= $_[0]; $urgent = 1; }
sub flush {
  while (length $replies) {
    my $n = syswrite(STDOUT, $replies);
    if (!defined $n) { next if $!{EINTR} || $!{EAGAIN}; $replies = ''; finish(); }
    substr($replies, 0, $n, '');
  }
  $urgent = 0;
}

sub finish {
  my @groups = values %pid_of_id;
  kill 'TERM', map { -$_ } @groups if @groups;
  my $deadline = time + 2;
  while (%pid_of_id && time < $deadline) {
    select(undef, undef, undef, 0.05);
    while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) { my $id = delete $id_of_pid{$pid}; delete $pid_of_id{$id} if defined $id; }
  }
  kill 'KILL', map { -$_ } @groups if @groups;
  POSIX::_exit(0);
}

# Whether process <id> runs the program: its status pipe has the child's "stage errno" if it gave up
# before exec, and nothing if exec closed it. False (and F sent, the process forgotten) on failure.
sub settled {
  my ($id) = @_;
  my $fh = delete $status_of{$id};
  return 1 unless defined $fh;
  my $failure = '';
  while (1) { my $n = sysread($fh, $failure, 64, length $failure); last if defined $n && $n == 0; next if !defined $n && $!{EINTR}; last if !defined $n; }
  close($fh);
  return 1 unless length $failure;
  for my $out (@{delete $output_of{$id} // []}) { delete $reader{fileno($out)}; close($out); }
  my $pid = delete $pid_of_id{$id};
  $id_of_pid{$pid} = undef if defined $pid;
  reply("F $id $failure\n");
  return 0;
}

sub reap {
  while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
    my $status = $?;
    next unless exists $id_of_pid{$pid};
    my $id = delete $id_of_pid{$pid};
    next unless defined $id && settled($id);
    delete $pid_of_id{$id};
    delete $output_of{$id};
    my $code = ($status & 127) ? -1 : ($status >> 8);
    my $left = kill(0, -$pid) ? 1 : 0;
    reply("X $id $code " . ($status & 127) . " $left\n");
  }
}

sub start {
  my ($id, $base, $cwd, $file, $args, $env) = @_;
  if ($base != $current_base) { %ENV = %{$bases[$base] // {}}; $current_base = $base; }
  pipe(my $out_r, my $out_w) or return reply("F $id pipe " . ($! + 0) . "\n");
  pipe(my $err_r, my $err_w) or return reply("F $id pipe " . ($! + 0) . "\n");
  pipe(my $status_r, my $status_w) or return reply("F $id pipe " . ($! + 0) . "\n");
  my $pid = fork();
  return reply("F $id fork " . ($! + 0) . "\n") unless defined $pid;
  if ($pid == 0) {
    $SIG{$_} = 'DEFAULT' for qw(CHLD PIPE INT QUIT HUP TERM);
    POSIX::setsid();
    open(STDIN, '<', '/dev/null');
    POSIX::dup2(fileno($out_w), 1);
    POSIX::dup2(fileno($err_w), 2);
    my $fail = sub { syswrite($status_w, "$_[0] " . ($! + 0)); POSIX::_exit(127); };
    chdir($cwd) or $fail->('cwd');
    for my $entry (@$env) { my $eq = index($entry, '='); if ($eq < 0) { delete $ENV{$entry}; } else { $ENV{substr($entry, 0, $eq)} = substr($entry, $eq + 1); } }
    { no warnings 'exec'; exec { $file } @$args; }
    $fail->('exec');
  }
  close($out_w); close($err_w); close($status_w);
  $id_of_pid{$pid} = $id;
  $pid_of_id{$id} = $pid;
  $status_of{$id} = $status_r;
  $output_of{$id} = [$out_r, $err_r];
  $reader{fileno($out_r)} = [$out_r, $id, 1];
  $reader{fileno($err_r)} = [$err_r, $id, 2];
  $replies .= "S $id $pid\n";
}

sub take_requests {
  while (1) {
    my $at = 0;
    my $next = sub { my $end = index($input, "\0", $at); return undef if $end < 0; my $f = substr($input, $at, $end - $at); $at = $end + 1; return $f; };
    my $kind = $next->() // return;
    if ($kind eq 'B') {
      my $base = $next->() // return; my $n = $next->() // return;
      my %env; for (1 .. $n) { my $entry = $next->() // return; my $eq = index($entry, '='); $env{substr($entry, 0, $eq)} = substr($entry, $eq + 1); }
      substr($input, 0, $at, '');
      $bases[$base] = \%env;
      $current_base = -1 if $base == $current_base;
    } elsif ($kind eq 'R') {
      my $id = $next->() // return; my $base = $next->() // return; my $cwd = $next->() // return; my $file = $next->() // return;
      my $n = $next->() // return; my @args; for (1 .. $n) { push @args, ($next->() // return); }
      my $m = $next->() // return; my @env; for (1 .. $m) { push @env, ($next->() // return); }
      substr($input, 0, $at, '');
      start($id, $base, $cwd, $file, \@args, \@env);
    } else {
      print STDERR "spawner: unknown request '$kind'\n";
      finish();
    }
  }
}

while (1) {
  reap();
  flush() if $urgent;
  my $wanted = '';
  vec($wanted, 0, 1) = 1;
  vec($wanted, $_, 1) = 1 for keys %reader;
  # SIGCHLD cuts select short; the timeout only covers one that came just before select began.
  my $timeout = length $replies ? 0.005 : %pid_of_id ? 0.05 : undef;
  my $ready = $wanted;
  my $n = select($ready, undef, undef, $timeout);
  if ($n <= 0) { flush() if length $replies; next; }
  # In the order the pipes were made, so a process's stdout goes before its stderr when both have
  # news: a "::add-mask::" printed on stdout must reach Node before the secret printed next on stderr.
  for my $fd (sort { $a <=> $b } keys %reader) {
    next unless vec($ready, $fd, 1) && exists $reader{$fd};
    my ($fh, $id, $stream) = @{$reader{$fd}};
    next unless settled($id);
    my $n = sysread($fh, my $chunk, 65536);
    next if !defined $n && ($!{EINTR} || $!{EAGAIN});
    if ($n) { reply(($stream == 1 ? 'O' : 'E') . " $id $n\n" . $chunk); next; }
    close($fh);
    delete $reader{$fd};
    reply("C $id $stream\n");
  }
  if (vec($ready, 0, 1)) {
    my $n = sysread(STDIN, $input, 65536, length $input);
    next if !defined $n && $!{EINTR};
    finish() if !$n;
    take_requests();
  }
}
`;

;// CONCATENATED MODULE: ./src/engine/process/perl-spawner.ts
/** The Perl helper (perl-spawner-script.ts): where Python cannot spawn; Node takes over where it fails. */



const PERL_PROGRAM = { name: 'perl', label: 'Perl', command: 'perl', args: ['-e', PERL_SPAWNER_SCRIPT] };
/** One per orchestrator process: every step shares the helper. */
const perlSpawner = new HelperSpawner(PERL_PROGRAM, nodeSpawner);

;// CONCATENATED MODULE: ./src/engine/process/python-spawner-script.ts
/**
 * The source of the Python spawner: the same protocol as the Perl one (perl-spawner-script.ts describes
 * it), so helper-spawner.ts drives either.
 *
 * Why Python first: `os.posix_spawn` is glibc's posix_spawn, which starts the child with
 * clone(CLONE_VM|CLONE_VFORK): no copy of the helper's page tables, no copy-on-write faults in a child
 * that runs interpreter code between fork and exec. Perl can only fork, and a forked Perl touches enough
 * of its heap before the exec to cost about 0.5 ms more CPU a step on a 2-core VM: 2,000 `true` steps
 * took 6.6–7.5 s of machine CPU through Perl and 4.8–5.7 s through this. It needs Python 3.8 (posix_spawn
 * with setsid); the helper says so by exiting before its hello, and Perl takes over.
 *
 * Differences from the Perl helper, none visible to Node:
 * - A start that fails is known at once (posix_spawn returns the exec's errno), so there is no exec-status
 *   pipe and F never follows an S.
 * - posix_spawn has no chdir action: the helper changes its own directory before each start (it is one
 *   thread, and every path it is given is absolute), and a bare program name is looked up on the step's
 *   own PATH here, as execvp in a forked child would.
 * - Python ignores SIGPIPE and SIGXFSZ for itself; the child gets every signal back at its default.
 * - Every output pipe is watched with poll(), not select(), which has no limit on descriptor numbers.
 * The helper runs as `python3 -I -S`: no PYTHON* variable, user site or site module reaches it.
 */
const PYTHON_SPAWNER_SCRIPT = String.raw `
import errno, os, select, signal, sys, time, traceback

if sys.version_info < (3, 8) or not hasattr(os, 'posix_spawn'):
    os._exit(3)

# The standard signals; glibc keeps 32 and 33 for itself and will not reset them.
DEFAULT_SIGNALS = [s for s in range(1, 32) if s not in (signal.SIGKILL, signal.SIGSTOP)]
pid_of_id = {}
id_of_pid = {}
bases = {}
# Output pipes we read: fd -> (id, 1 for stdout | 2 for stderr).
reader = {}
replies = []
urgent = False

wake_r, wake_w = os.pipe()
os.set_blocking(wake_r, False)
os.set_blocking(wake_w, False)
# SIGCHLD writes a byte to wake_w, so poll() wakes for an exit as it does for output.
signal.signal(signal.SIGCHLD, lambda *_: None)
# As the Perl helper does: it ends only when its stdin does, whatever the process group is sent.
for name in ('SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGTERM'):
    signal.signal(getattr(signal, name), signal.SIG_IGN)
signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
poller = select.poll()
poller.register(0, select.POLLIN)
poller.register(wake_r, select.POLLIN)


def reply(data, now=True):
    global urgent
    replies.append(data)
    urgent = urgent or now


def flush():
    global urgent
    view = memoryview(b''.join(replies))
    replies.clear()
    urgent = False
    while view:
        try:
            view = view[os.write(1, view):]
        except InterruptedError:
            continue
        except OSError:
            finish()


def signal_groups(groups, sig):
    for pid in groups:
        try:
            os.killpg(pid, sig)
        except OSError:
            pass


def finish():
    groups = list(pid_of_id.values())
    signal_groups(groups, signal.SIGTERM)
    deadline = time.monotonic() + 2
    while pid_of_id and time.monotonic() < deadline:
        time.sleep(0.05)
        reap(False)
    signal_groups(groups, signal.SIGKILL)
    os._exit(0)


def reap(report=True):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        i = id_of_pid.pop(pid, None)
        if i is None:
            continue
        del pid_of_id[i]
        if not report:
            continue
        if os.WIFSIGNALED(status):
            code, sig = -1, os.WTERMSIG(status)
        else:
            code, sig = os.WEXITSTATUS(status), 0
        try:
            os.killpg(pid, 0)
            left = 1
        except ProcessLookupError:
            left = 0
        except OSError:
            left = 1
        reply(b'X %d %d %d %d\n' % (i, code, sig, left))


def program_of(file, env):
    if b'/' in file:
        return file
    denied = False
    for directory in env.get(b'PATH', b'/bin:/usr/bin').split(b':'):
        candidate = (directory or b'.') + b'/' + file
        if os.path.isfile(candidate):
            if os.access(candidate, os.X_OK):
                return candidate
            denied = True
    raise OSError(errno.EACCES if denied else errno.ENOENT, 'not found')


def start(i, base, cwd, file, args, own):
    env = dict(bases.get(base, ()))
    for entry in own:
        eq = entry.find(b'=')
        if eq < 0:
            env.pop(entry, None)
        else:
            env[entry[:eq]] = entry[eq + 1:]
    # Every time: the directory may have been removed and made again since the last start.
    try:
        os.chdir(cwd)
    except OSError as e:
        return reply(b'F %d cwd %d\n' % (i, e.errno))
    try:
        program = program_of(file, env)
    except OSError as e:
        return reply(b'F %d exec %d\n' % (i, e.errno))
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        pid = os.posix_spawn(program, args, env, setsid=True, setsigdef=DEFAULT_SIGNALS, setsigmask=(), file_actions=(
            (os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, out_w, 1),
            (os.POSIX_SPAWN_DUP2, err_w, 2)))
    except (OSError, ValueError, NotImplementedError) as e:
        for fd in (out_r, out_w, err_r, err_w):
            os.close(fd)
        if isinstance(e, NotImplementedError):
            return reply(b'F %d unsupported 0\n' % i)
        return reply(b'F %d exec %d\n' % (i, e.errno if isinstance(e, OSError) and e.errno else errno.EINVAL))
    os.close(out_w)
    os.close(err_w)
    pid_of_id[i] = pid
    id_of_pid[pid] = i
    reader[out_r] = (i, 1)
    reader[err_r] = (i, 2)
    poller.register(out_r, select.POLLIN)
    poller.register(err_r, select.POLLIN)
    reply(b'S %d %d\n' % (i, pid), False)


fields = []


def take_requests():
    at, n = 0, len(fields)
    while at < n:
        kind = fields[at]
        if kind == b'B':
            if at + 3 > n:
                break
            end = at + 3 + int(fields[at + 2])
            if end > n:
                break
            env = {}
            for entry in fields[at + 3:end]:
                eq = entry.find(b'=')
                env[entry[:eq]] = entry[eq + 1:]
            bases[int(fields[at + 1])] = env
            at = end
        elif kind == b'R':
            if at + 7 > n:
                break
            argc = int(fields[at + 5])
            if at + 7 + argc > n:
                break
            end = at + 7 + argc + int(fields[at + 6 + argc])
            if end > n:
                break
            start(int(fields[at + 1]), int(fields[at + 2]), fields[at + 3], fields[at + 4], fields[at + 6:at + 6 + argc], fields[at + 7 + argc:end])
            at = end
        else:
            sys.stderr.write('spawner: unknown request %r\n' % kind)
            finish()
    del fields[:at]


def main():
    partial = b''
    os.write(1, b'H 0 1\n')
    while True:
        reap()
        if urgent:
            flush()
        # SIGCHLD wakes poll; the timeout only covers one that came just before it began.
        events = poller.poll(5 if replies else 50 if pid_of_id else None)
        if not events:
            if replies:
                flush()
            continue
        # In the order the pipes were made, so a process's stdout goes before its stderr when both have
        # news: a "::add-mask::" printed on stdout must reach Node before the secret printed next on stderr.
        events.sort()
        stdin_ready = False
        for fd, _ in events:
            if fd == 0:
                stdin_ready = True
            elif fd == wake_r:
                try:
                    os.read(wake_r, 4096)
                except OSError:
                    pass
            elif fd in reader:
                try:
                    chunk = os.read(fd, 65536)
                except (BlockingIOError, InterruptedError):
                    continue
                i, stream = reader[fd]
                if chunk:
                    reply(b'%s %d %d\n' % (b'O' if stream == 1 else b'E', i, len(chunk)) + chunk)
                    continue
                poller.unregister(fd)
                os.close(fd)
                del reader[fd]
                reply(b'C %d %d\n' % (i, stream))
        if stdin_ready:
            try:
                chunk = os.read(0, 65536)
            except InterruptedError:
                continue
            if not chunk:
                finish()
            pieces = (partial + chunk).split(b'\0')
            partial = pieces.pop()
            fields.extend(pieces)
            take_requests()


try:
    main()
except BaseException:
    traceback.print_exc()
    finish()
`;

;// CONCATENATED MODULE: ./src/engine/process/python-spawner.ts
/**
 * The Python helper (python-spawner-script.ts), the cheapest way here to start a process; where it cannot
 * run, the Perl one takes over.
 */




/**
 * The system's Python where there is one: a `python3` found first on PATH may be a version manager's
 * shim (pyenv's is a bash script that takes ~200 ms to start) or a project's virtualenv.
 */
const SYSTEM_PYTHON = '/usr/bin/python3';
const PYTHON_PROGRAM = {
    name: 'python',
    label: 'Python',
    get command() {
        return (0,external_node_fs_.existsSync)(SYSTEM_PYTHON) ? SYSTEM_PYTHON : 'python3';
    },
    // -I: no PYTHON* variable, user site or script directory reaches it; -S: no site module (faster start).
    args: ['-I', '-S', '-c', PYTHON_SPAWNER_SCRIPT],
};
/** One per orchestrator process: every step shares the helper. */
const pythonSpawner = new HelperSpawner(PYTHON_PROGRAM, perlSpawner);

;// CONCATENATED MODULE: ./src/engine/process/default-spawner.ts
/**
 * Which spawner starts steps: the Python helper on Linux and other POSIX systems (it hands over to the
 * Perl one, and that to Node, by itself where its interpreter is missing or cannot spawn), the Perl one
 * on macOS, Node on Windows. `TASK_ORCHESTRATOR_SPAWNER=node|perl|python` picks one, for comparing them and as a way out
 * should a helper misbehave somewhere.
 */



const SPAWNER_VARIABLE = 'TASK_ORCHESTRATOR_SPAWNER';
let chosen;
/** The spawner of this process, chosen on first use. */
function defaultSpawner() {
    chosen ??= spawnerFor(process.env[SPAWNER_VARIABLE], process.platform);
    return chosen;
}
/**
 * Starts the default spawner's helper now, so the ~10–20 ms it takes to start overlap loading and
 * validating the workflow instead of delaying the first step.
 */
function warmUpSpawner() {
    defaultSpawner().warmUp?.();
}
/** The spawner for a `TASK_ORCHESTRATOR_SPAWNER` value (or none) on a platform. */
function spawnerFor(wanted, platform) {
    if (wanted === 'node')
        return nodeSpawner;
    if (wanted === 'perl')
        return perlSpawner;
    if (wanted === 'python')
        return pythonSpawner;
    if (platform === 'win32')
        return nodeSpawner;
    // macOS's /usr/bin/python3 is a stub that, without the developer tools, opens an installer dialog.
    return platform === 'darwin' ? perlSpawner : pythonSpawner;
}

;// CONCATENATED MODULE: ./src/report/metrics.ts

function computeMetrics(input) {
    const count = (status) => input.steps.filter((s) => s.status === status).length;
    // A step that never ran (or was kept from an earlier run) takes no time in this run.
    const durations = {};
    let sum = 0;
    for (const step of input.steps) {
        const d = step.cached ? 0 : (step.duration ?? 0);
        durations[step.id] = d;
        sum += d;
    }
    const path = criticalPath(input.workflow, durations);
    const bound = Math.max(path.duration, sum / Math.max(1, input.concurrency));
    const efficiency = input.wallTime > 0 ? Math.min(1, bound / input.wallTime) : 1;
    return {
        totalSteps: input.steps.length,
        completedSteps: count('completed'),
        failedSteps: count('failed'),
        skippedSteps: count('skipped'),
        cancelledSteps: count('cancelled'),
        totalDuration: input.wallTime,
        parallelEfficiency: Math.round(efficiency * 100) / 100,
        maxConcurrency: input.maxConcurrency,
        criticalPath: { steps: path.steps, duration: path.duration },
        ...(input.circuitBreaker ? { circuitBreaker: input.circuitBreaker } : {}),
        ...(input.concurrencyChanges && input.concurrencyChanges.length > 0 ? { concurrencyChanges: input.concurrencyChanges } : {}),
    };
}

;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/engine/process/line-splitter.ts
/**
 * Turns a byte stream into lines as the bytes arrive, so a step's output is never held whole: at most one
 * unfinished line (capped) waits for its newline.
 */

/** Longest line handed on in one piece; a longer one is cut into pieces of this many UTF-16 units. */
const MAX_LINE_LENGTH = 64 * 1024;
const line_splitter_NEWLINE = '\n';
const CARRIAGE_RETURN = 13;
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;
/**
 * Splits chunks into lines without their `\n` or `\r\n`. UTF-8 sequences split across chunks are
 * decoded whole; a last line without a newline is delivered by `end()`.
 */
class LineSplitter {
    #onLine;
    #maxLength;
    #decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    #pending = '';
    #ended = false;
    /** `continues`: the piece was cut from a longer line, whose next piece follows. */
    constructor(onLine, maxLength = MAX_LINE_LENGTH) {
        this.#onLine = onLine;
        this.#maxLength = maxLength;
    }
    /** Feeds one chunk; calls back once per complete line in it. */
    push(chunk) {
        if (this.#ended)
            return;
        const text = typeof chunk === 'string' ? chunk : this.#decoder.write(chunk);
        if (text.length === 0)
            return;
        let start = 0;
        let newline = text.indexOf(line_splitter_NEWLINE);
        while (newline !== -1) {
            const piece = text.slice(start, newline);
            const line = this.#pending.length > 0 ? this.#pending + piece : piece;
            this.#pending = '';
            this.#emit(stripCarriageReturn(line));
            start = newline + 1;
            newline = text.indexOf(line_splitter_NEWLINE, start);
        }
        if (start < text.length) {
            this.#pending += start === 0 ? text : text.slice(start);
            if (this.#pending.length > this.#maxLength)
                this.#cutPending();
        }
    }
    /** Delivers what is left (a last line without newline) and ignores anything pushed afterwards. */
    end() {
        if (this.#ended)
            return;
        this.#ended = true;
        const rest = this.#pending + this.#decoder.end();
        this.#pending = '';
        if (rest.length > 0)
            this.#emit(stripCarriageReturn(rest));
    }
    #emit(line) {
        if (line.length <= this.#maxLength) {
            this.#onLine(line, false);
            return;
        }
        let rest = line;
        while (rest.length > this.#maxLength) {
            const cut = cutPoint(rest, this.#maxLength);
            this.#onLine(rest.slice(0, cut), rest.length > cut);
            rest = rest.slice(cut);
        }
        if (rest.length > 0)
            this.#onLine(rest, false);
    }
    /** An endless line (a progress bar redrawn with `\r`) must not grow without bound while it waits. */
    #cutPending() {
        while (this.#pending.length > this.#maxLength) {
            const cut = cutPoint(this.#pending, this.#maxLength);
            this.#onLine(this.#pending.slice(0, cut), true);
            this.#pending = this.#pending.slice(cut);
        }
    }
}
function stripCarriageReturn(line) {
    return line.length > 0 && line.charCodeAt(line.length - 1) === CARRIAGE_RETURN ? line.slice(0, -1) : line;
}
/** Never cut between the two halves of a surrogate pair, so every piece is valid text. */
function cutPoint(text, max) {
    const last = text.charCodeAt(max - 1);
    return last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST && max > 1 ? max - 1 : max;
}

;// CONCATENATED MODULE: ./src/engine/process/shell-command.ts
/**
 * How each `shell` runs a step's command: the same flags GitHub Actions uses for `run:` steps, with the
 * command passed as an argument instead of a script file (no file to write per step).
 */



/**
 * GitHub's pwsh wrapper: stop on the first error, and let a native command's exit code be the step's
 * (pwsh alone exits 0 after a failing native command that is not the last statement).
 */
const PWSH_PRELUDE = "$ErrorActionPreference = 'Stop'\n";
const PWSH_EPILOGUE = '\nif ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }';
/** The executable and arguments that run `command` under `shell`; `pathEnv` is the step's PATH. */
function shellInvocation(shell, command, pathEnv) {
    switch (shell) {
        case 'bash':
            return { file: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] };
        case 'sh':
            return { file: 'sh', args: ['-e', '-c', command] };
        case 'pwsh':
            return { file: 'pwsh', args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', PWSH_PRELUDE + command + PWSH_EPILOGUE] };
        case 'python':
            return { file: pythonExecutable(pathEnv), args: ['-c', command] };
        default:
            return unreachable_unreachable(shell);
    }
}
const pythonByPath = new Map();
/**
 * `python3` where it exists, else `python` (some images only have one of them). Looked up once per
 * PATH value, and only for python steps, so bash steps pay nothing for it.
 */
function pythonExecutable(pathEnv) {
    const key = pathEnv ?? '';
    const known = pythonByPath.get(key);
    if (known !== undefined)
        return known;
    const found = key.split(external_node_path_.delimiter).some((dir) => dir !== '' && isExecutable((0,external_node_path_.join)(dir, 'python3')));
    const chosen = found || !key.split(external_node_path_.delimiter).some((dir) => dir !== '' && isExecutable((0,external_node_path_.join)(dir, 'python'))) ? 'python3' : 'python';
    pythonByPath.set(key, chosen);
    return chosen;
}
/** Whether this process may execute `path` (it exists and has the permission). */
function isExecutable(path) {
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/engine/process/direct-exec.ts
/**
 * GNU make's fast path, for bash steps: a command that is one plain program call (`npm test`,
 * `make -j4 build`, `true`) is exec'd directly instead of through `bash -c`, because for such a command
 * bash would only parse it, look the program up on PATH and exec it in place of itself. That saves
 * bash's start, ~1 ms of CPU a step, which is most of what a short step costs.
 *
 * "Plain" is kept narrow, so the program sees exactly what it would have seen under bash: words of
 * letters, digits and `_./+,:@%=-` only (no quotes, `$`, globs, `~`, braces, redirections, separators or
 * newlines), a first word that is no keyword, builtin or assignment — `true` and `false` without
 * arguments excepted, whose programs behave as the builtins do — a program found on PATH that is a
 * binary or a `#!` script, and no environment that makes bash run code of its own first (`BASH_ENV`,
 * `SHELLOPTS`, `BASHOPTS`, exported functions). The environment gets what bash would have added before
 * its exec: `_`, `PWD`, `SHLVL`, and `OLDPWD` dropped unless it names a directory.
 * Everything else runs through bash, as does any direct start that fails.
 */



const PLAIN_COMMAND = /^[ \t]*[A-Za-z0-9_./+,:@-]+(?:[ \t]+[A-Za-z0-9_./+,:@%=-]+)*[ \t]*$/;
const WORD_SEPARATOR = /[ \t]+/;
/** `compgen -b` and `compgen -k` of bash 5.2: words bash itself answers, never a program on PATH. */
const SHELL_WORDS = new Set(('. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo ' +
    'enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf ' +
    'pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit ' +
    'umask unalias unset wait if then else elif fi case esac for select while until do done in function time coproc').split(' '));
/** Builtins whose programs, called without arguments, do just what the builtin does. */
const SAME_AS_PROGRAM = new Set(['true', 'false']);
/** Variables under which bash runs code or changes behaviour before it gets to the command. */
const BASH_STARTUP_VARIABLES = ['BASH_ENV', 'SHELLOPTS', 'BASHOPTS'];
const EXPORTED_FUNCTION_PREFIX = 'BASH_FUNC_';
/** Above this bash warns that the shell level is too high: leave that to bash. */
const MAX_PLAIN_SHLVL = 998;
/** How `command` would be exec'd by bash without bash, or null when bash must run it. */
function directInvocation(command, cwd, env) {
    if (process.platform === 'win32' || !PLAIN_COMMAND.test(command))
        return null;
    const words = command.trim().split(WORD_SEPARATOR);
    const name = words[0];
    if (SHELL_WORDS.has(name) && !(SAME_AS_PROGRAM.has(name) && words.length === 1))
        return null;
    const shellLevel = shellLevelAfterExec(env['SHLVL']);
    if (shellLevel === null || startsCodeOfItsOwn(env))
        return null;
    const found = findProgram(name, cwd, env['PATH']);
    if (found === null)
        return null;
    const pwd = workingDirectoryVariable(env['PWD'], cwd);
    if (pwd === null)
        return null;
    const layered = Object.create(env);
    layered['_'] = found.shown;
    layered['SHLVL'] = shellLevel;
    layered['PWD'] = pwd;
    const oldPwd = env['OLDPWD'];
    if (oldPwd !== undefined && !isDirectory((0,external_node_path_.resolve)(cwd, oldPwd)))
        layered['OLDPWD'] = undefined;
    return { file: found.path, argv0: name, args: words.slice(1), env: layered };
}
function startsCodeOfItsOwn(env) {
    if (BASH_STARTUP_VARIABLES.some((name) => env[name] !== undefined))
        return true;
    for (const key in env)
        if (key.startsWith(EXPORTED_FUNCTION_PREFIX) && env[key] !== undefined)
            return true;
    return false;
}
/**
 * bash adds one to an inherited SHLVL (0 when unset or not a number) and takes it off again when it
 * execs the last command of `-c`: the program sees the level it was given.
 */
function shellLevelAfterExec(inherited) {
    if (inherited === undefined)
        return '0';
    const trimmed = inherited.trim();
    if (!/^[+-]?\d+$/.test(trimmed))
        return '0';
    const level = Number(trimmed);
    if (level < 0)
        return '0';
    return level > MAX_PLAIN_SHLVL ? null : String(level);
}
/** bash keeps an inherited absolute PWD that names the working directory, else sets the physical path. */
function workingDirectoryVariable(inherited, cwd) {
    // The usual case, a step in the directory the orchestrator runs in, needs no look at the disk: if cwd
    // is missing the exec fails and bash reports it.
    if (inherited === cwd && cwd.startsWith('/'))
        return inherited;
    const here = statOf(cwd);
    if (here === null)
        return null; // bash reports the missing directory: let it
    if (inherited?.startsWith('/')) {
        const named = statOf(inherited);
        if (named !== null && named.ino === here.ino && named.dev === here.dev)
            return inherited;
    }
    try {
        return external_node_fs_.realpathSync.native(cwd);
    }
    catch {
        return null;
    }
}
/**
 * The program bash would run: a word with a slash is a path from the working directory; else the
 * first executable file in a PATH directory (`shown` is how bash writes it into `_`).
 */
function findProgram(name, cwd, path) {
    if (name.includes('/')) {
        const file = (0,external_node_path_.resolve)(cwd, name);
        return programAt(file) === 'runnable' ? { path: file, shown: name } : null;
    }
    if (path === undefined)
        return null;
    for (const dir of path.split(':')) {
        // An empty entry means the working directory, written differently in `_`: leave it to bash.
        if (dir === '')
            return null;
        const shown = dir.endsWith('/') ? dir + name : `${dir}/${name}`;
        const file = shown.startsWith('/') ? shown : (0,external_node_path_.resolve)(cwd, shown);
        const found = programAt(file);
        if (found === 'none')
            continue;
        return found === 'runnable' ? { path: file, shown } : null;
    }
    return null;
}
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const SHEBANG = Buffer.from('#!');
/** Whether a file is a binary or a `#!` script, by path and the stats that tell a changed file. */
const runnableCache = new Map();
/**
 * What stands at `file`: `none` (no executable file: bash looks further along PATH), `runnable` (a
 * binary or `#!` script) or `other` (an executable bash would run as a bash script itself, and execvp as
 * an `sh` script: bash must run it).
 */
function programAt(file) {
    const stats = statOf(file);
    if (stats === null || !stats.isFile() || !isExecutable(file))
        return 'none';
    return hasProgramHeader(file, stats) ? 'runnable' : 'other';
}
/** Whether the file starts as a binary or a `#!` script; read once per version of the file. */
function hasProgramHeader(file, stats) {
    const key = `${file}\0${stats.ino}\0${stats.mtimeMs}\0${stats.size}`;
    const cached = runnableCache.get(key);
    if (cached !== undefined)
        return cached;
    let runnable = false;
    try {
        const fd = (0,external_node_fs_.openSync)(file, 'r');
        try {
            const head = Buffer.alloc(4);
            const read = (0,external_node_fs_.readSync)(fd, head, 0, 4, 0);
            runnable = (read === 4 && head.equals(ELF_MAGIC)) || (read >= 2 && head.subarray(0, 2).equals(SHEBANG));
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch {
        runnable = false; // unreadable: exec might still work, bash will tell
    }
    runnableCache.set(key, runnable);
    return runnable;
}
/** null for anything that is not there to stat (missing, a file used as a directory, no permission). */
function statOf(path) {
    try {
        return (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false }) ?? null;
    }
    catch {
        return null;
    }
}
function isDirectory(path) {
    return statOf(path)?.isDirectory() ?? false;
}

;// CONCATENATED MODULE: ./src/engine/process/start-step-process.ts
/**
 * Runs one step attempt as a real process: streams its output line by line, enforces its timeout, and
 * makes sure that no process it started outlives it (SPEC §3).
 *
 * `@actions/exec` is not used: it neither starts the command in its own process group nor exposes a
 * kill handle, and both are needed to kill a whole tree on timeout or cancel. The process itself is
 * started by a {@link Spawner} (the Perl helper, or Node where there is none).
 */






/**
 * After the main process ends, how long its pipes may stay open before we look for the stray process that
 * holds them, and, after killing, how long we still wait for the last output before giving up on it.
 */
const STREAM_DRAIN_MS = 250;
/**
 * While killing, how often we look whether everything is gone (a /proc scan of a few ms), so a quick
 * death is not held for the whole grace period.
 */
const KILL_POLL_MS = 100;
/**
 * `env` plus one variable, without copying it: spawn reads inherited keys too, and a per-step copy of a
 * 60-variable environment is most of what a 10,000-step run allocates per step.
 */
function withVariable(env, name, value) {
    const layered = Object.create(env);
    layered[name] = value;
    return layered;
}
/** Starts `spec.command` at once; see {@link StepProcess}. */
function startStepProcess(spec, callbacks, spawner = defaultSpawner()) {
    return new StepAttemptProcess(spec, callbacks, spawner);
}
class StepAttemptProcess {
    /** Known once the spawner says it started; a kill asked for before that happens on `started`. */
    pid;
    exited;
    #spec;
    #token = newProcessToken();
    #startedAt = Date.now();
    #file;
    #spawner;
    /** The `bash -c` start, when the first try was a direct exec (direct-exec.ts): tried if that fails. */
    #throughShell = null;
    #handle;
    #resolve = () => { };
    #settled = false;
    #mainExited = false;
    #exitCode = null;
    #signal = null;
    #durationMs = 0;
    #timedOut = false;
    #cancelled = false;
    #spawnError;
    #openStreams = 2;
    /** cancel() or the timeout came before the spawner said the process started. */
    #terminateWhenStarted = false;
    /** Made on a stream's first output: most short steps print nothing. */
    #splitters = { stdout: null, stderr: null };
    #callbacks;
    #killPhase = 'none';
    /** Escaped processes already sent SIGTERM. */
    #terminated = new Set();
    #sweepsInFlight = 0;
    #timeoutTimer = null;
    #escalationTimer = null;
    #pollTimer = null;
    #drainTimer = null;
    constructor(spec, callbacks, spawner) {
        this.#spec = spec;
        this.exited = new Promise((resolve) => {
            this.#resolve = resolve;
        });
        this.#callbacks = callbacks;
        const invocation = shellInvocation(spec.shell, spec.command, spec.env['PATH']);
        this.#file = invocation.file;
        this.#spawner = spawner;
        if (spec.timeout !== undefined) {
            this.#timeoutTimer = setTimeout(() => {
                this.#timeoutTimer = null;
                if (this.#mainExited)
                    return;
                this.#timedOut = true;
                this.#terminate();
            }, spec.timeout);
        }
        const throughShell = { file: invocation.file, args: invocation.args, cwd: spec.cwd, env: withVariable(spec.env, PROCESS_TOKEN_VARIABLE, this.#token) };
        const direct = spec.shell === 'bash' ? directInvocation(spec.command, spec.cwd, spec.env) : null;
        if (direct === null) {
            this.#handle = spawner.spawn(throughShell, this);
            return;
        }
        this.#throughShell = throughShell;
        this.#handle = spawner.spawn({ file: direct.file, argv0: direct.argv0, args: direct.args, cwd: spec.cwd, env: withVariable(direct.env, PROCESS_TOKEN_VARIABLE, this.#token) }, this);
    }
    cancel() {
        if (this.#settled)
            return;
        if (!this.#mainExited)
            this.#cancelled = true;
        this.#terminate();
    }
    started(pid) {
        this.pid = pid;
        if (this.#terminateWhenStarted)
            this.#terminate();
    }
    failed(failure) {
        const throughShell = this.#throughShell;
        // Not once a kill has begun on the direct start's pid (the shell's process would escape it), nor when
        // the direct start may have run after all.
        if (throughShell !== null && this.#killPhase === 'none' && failure.stage !== 'lost') {
            // The program moved or changed since we looked: bash finds what is there now, or says why not.
            this.#throughShell = null;
            this.pid = undefined;
            this.#handle = this.#spawner.spawn(throughShell, this);
            return;
        }
        void this.#failedToStart(failure);
    }
    output(stream, chunk) {
        this.#throughShell = null;
        this.#splitterOf(stream).push(chunk);
    }
    #splitterOf(stream) {
        let splitter = this.#splitters[stream];
        if (splitter === null) {
            const callbacks = this.#callbacks;
            splitter = new LineSplitter((line, continues) => callbacks.onLine(stream, line, continues));
            this.#splitters[stream] = splitter;
        }
        return splitter;
    }
    streamEnded(stream) {
        this.#throughShell = null;
        this.#splitters[stream]?.end();
        this.#openStreams -= 1;
        this.#maybeSettle();
    }
    ended(code, signal, groupLeft) {
        this.#throughShell = null;
        this.#mainEnded(code, signal, groupLeft);
    }
    async #failedToStart(failure) {
        this.#durationMs = Date.now() - this.#startedAt;
        let message = failure.message;
        if (failure.code === 'ENOENT') {
            // Node reports a missing cwd as a missing executable; say which one it really is.
            const cwdMissing = failure.stage === 'cwd' ||
                (failure.stage === undefined &&
                    !(await (0,promises_namespaceObject.stat)(this.#spec.cwd).then((s) => s.isDirectory(), () => false)));
            message = cwdMissing ? `working directory ${this.#spec.cwd} does not exist` : `${this.#file} not found (is it installed and on PATH?)`;
        }
        this.#spawnError = message;
        this.#mainExited = true;
        this.#openStreams = 0;
        this.#settle();
    }
    #mainEnded(code, signal, groupLeft) {
        this.#mainExited = true;
        this.#exitCode = code;
        this.#signal = signal;
        this.#durationMs = Date.now() - this.#startedAt;
        this.#clearTimer('timeout');
        if (this.#killPhase === 'none') {
            // Only a group with members left costs a /proc sweep; the common empty group costs one kill(0).
            if (this.pid !== undefined && (groupLeft ?? groupHasMembers(this.pid)))
                this.#terminate();
            else if (this.#openStreams > 0)
                this.#startDrain();
        }
        else if (this.#killPhase === 'done' && this.#openStreams > 0) {
            this.#startDrain();
        }
        this.#maybeSettle();
    }
    /** The pipes stay open after the main process is gone: a stray still holds them. */
    #startDrain() {
        this.#drainTimer = setTimeout(() => {
            this.#drainTimer = null;
            if (this.#killPhase === 'none')
                this.#terminate();
            else
                this.#giveUpOnStreams();
        }, STREAM_DRAIN_MS);
    }
    #terminate() {
        if (this.#killPhase !== 'none')
            return;
        if (this.pid === undefined) {
            // Not started yet (or it never will: then the attempt settles as a failed start anyway).
            this.#terminateWhenStarted = true;
            return;
        }
        this.#killPhase = 'terminating';
        this.#clearTimer('drain');
        const pid = this.pid;
        if (process.platform === 'win32')
            this.#handle.kill('SIGTERM');
        signalGroup(pid, 'SIGTERM');
        // Leftovers after a normal exit are often already dead (zombies): then one scan settles it.
        void (this.#mainExited ? this.#checkAllGone() : this.#sweep('SIGTERM'));
        this.#escalationTimer = setTimeout(() => void this.#killHard(), this.#spec.killGracePeriod);
        this.#pollTimer = setInterval(() => void this.#checkAllGone(), KILL_POLL_MS);
    }
    /**
     * Signals the live processes of the tree that the group signal did not reach (escaped ones) and
     * says how many live processes the tree still has. SIGTERM goes once to each: a second one could cut
     * short a graceful shutdown.
     */
    async #sweep(signal) {
        this.#sweepsInFlight += 1;
        try {
            const found = await findTreeProcesses(this.#token, this.pid);
            for (const { pid, inGroup } of found) {
                if (signal === 'SIGTERM' && (inGroup || this.#terminated.has(pid)))
                    continue;
                if (signal === 'SIGTERM')
                    this.#terminated.add(pid);
                signalProcess(pid, signal);
            }
            return found.length;
        }
        finally {
            this.#sweepsInFlight -= 1;
        }
    }
    async #checkAllGone() {
        if (!this.#mainExited || this.#sweepsInFlight > 0 || this.pid === undefined)
            return;
        // A scan rather than kill(-pgid, 0): zombies keep a group "alive" until a slow init reaps them.
        const alive = canScanProcesses ? (await this.#sweep('SIGTERM')) > 0 : groupHasMembers(this.pid);
        if (alive || this.#killPhase !== 'terminating')
            return;
        this.#clearTimer('escalation');
        this.#clearTimer('poll');
        this.#killDone();
    }
    async #killHard() {
        this.#escalationTimer = null;
        this.#clearTimer('poll');
        if (this.pid !== undefined)
            signalGroup(this.pid, 'SIGKILL');
        if (process.platform === 'win32')
            this.#handle.kill('SIGKILL');
        // A fresh sweep rather than the pids found earlier: it also finds strays started since, and never
        // hits an unrelated process that reused the pid of a stray that is long gone.
        await this.#sweep('SIGKILL');
        this.#killDone();
    }
    #killDone() {
        if (this.#killPhase === 'done')
            return;
        this.#killPhase = 'done';
        if (this.#mainExited && this.#openStreams > 0)
            this.#startDrain();
        this.#maybeSettle();
    }
    /** Something beyond our reach still holds the pipes; the step must not hang on it. */
    #giveUpOnStreams() {
        this.#splitters.stdout?.end();
        this.#splitters.stderr?.end();
        this.#openStreams = 0;
        this.#maybeSettle();
    }
    #maybeSettle() {
        if (this.#settled || !this.#mainExited || this.#killPhase === 'terminating' || this.#openStreams > 0)
            return;
        this.#settle();
    }
    #settle() {
        if (this.#settled)
            return;
        this.#settled = true;
        this.#clearTimer('timeout');
        this.#clearTimer('escalation');
        this.#clearTimer('poll');
        this.#clearTimer('drain');
        this.#resolve({
            exitCode: this.#exitCode,
            signal: this.#signal,
            timedOut: this.#timedOut,
            cancelled: this.#cancelled,
            ...(this.#spawnError !== undefined ? { spawnError: this.#spawnError } : {}),
            durationMs: this.#durationMs,
        });
    }
    #clearTimer(which) {
        switch (which) {
            case 'timeout':
                if (this.#timeoutTimer)
                    clearTimeout(this.#timeoutTimer);
                this.#timeoutTimer = null;
                return;
            case 'escalation':
                if (this.#escalationTimer)
                    clearTimeout(this.#escalationTimer);
                this.#escalationTimer = null;
                return;
            case 'poll':
                if (this.#pollTimer)
                    clearInterval(this.#pollTimer);
                this.#pollTimer = null;
                return;
            case 'drain':
                if (this.#drainTimer)
                    clearTimeout(this.#drainTimer);
                this.#drainTimer = null;
                return;
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/circuit-breaker.ts
class CircuitBreaker {
    #settings;
    #state = 'closed';
    #failures = 0;
    #openedAt = 0;
    #trialRunning = false;
    #trips = 0;
    constructor(settings) {
        this.#settings = settings;
    }
    get state() {
        return this.#state;
    }
    get trips() {
        return this.#trips;
    }
    /** ms until an open breaker lets a trial through (0 when not open). */
    remaining(now) {
        return this.#state === 'open' ? Math.max(0, this.#openedAt + this.#settings.timeout - now) : 0;
    }
    /** Whether a new attempt may start now; in half-open state only one trial at a time. */
    mayStart(now) {
        if (!this.#settings.enabled)
            return true;
        if (this.#state === 'open' && now >= this.#openedAt + this.#settings.timeout)
            this.#state = 'half-open';
        if (this.#state === 'closed')
            return true;
        return this.#state === 'half-open' && !this.#trialRunning;
    }
    /** Call when an attempt starts (after mayStart said yes). */
    started() {
        if (this.#state === 'half-open')
            this.#trialRunning = true;
    }
    /** Returns true when this outcome changed the state (so the caller can log and emit it). */
    record(success, now) {
        if (!this.#settings.enabled)
            return false;
        const before = this.#state;
        if (this.#state === 'half-open' && this.#trialRunning) {
            this.#trialRunning = false;
            if (success) {
                this.#state = 'closed';
                this.#failures = 0;
            }
            else {
                this.#open(now);
            }
        }
        else if (!success) {
            this.#failures++;
            if (this.#state === 'closed' && this.#failures >= this.#settings.failureThreshold)
                this.#open(now);
        }
        return before !== this.#state;
    }
    #open(now) {
        this.#state = 'open';
        this.#openedAt = now;
        this.#trips++;
    }
}

;// CONCATENATED MODULE: ./src/engine/dependency-index.ts
const FIRES_AT_START = {
    finish_to_start: false,
    start_to_start: true,
    finish_to_finish: false,
    start_to_finish: true,
};
const HOLDS_START = {
    finish_to_start: true,
    start_to_start: true,
    finish_to_finish: false,
    start_to_finish: false,
};
/** The list of a step without edges of a kind: one shared array, not four per step of a 10,000-step run. */
const NO_EDGES = Object.freeze([]);
function indexDependencies(workflow) {
    const n = workflow.steps.length;
    const position = new Map(workflow.steps.map((s, i) => [s.id, i]));
    const firedAtStart = new Array(n).fill(NO_EDGES);
    const firedAtFinish = new Array(n).fill(NO_EDGES);
    const holdingStart = new Array(n).fill(NO_EDGES);
    const holdingFinish = new Array(n).fill(NO_EDGES);
    const edges = [];
    for (const dependency of workflow.dependencies) {
        const from = position.get(dependency.from);
        const to = position.get(dependency.to);
        if (from === undefined || to === undefined)
            continue; // the validator has reported it
        const edge = {
            dependency,
            from,
            to,
            firesAtStart: FIRES_AT_START[dependency.type],
            holdsStart: HOLDS_START[dependency.type],
        };
        edges.push(edge);
        add(edge.firesAtStart ? firedAtStart : firedAtFinish, from, edge);
        add(edge.holdsStart ? holdingStart : holdingFinish, to, edge);
    }
    return { edges, firedAtStart, firedAtFinish, holdingStart, holdingFinish };
}
/** Appends to a step's list, giving it an array of its own on its first edge. */
function add(lists, index, edge) {
    const list = lists[index];
    // Past the first edge the list is this index's own array (a fan-in of thousands must not copy).
    if (list === undefined || list === NO_EDGES)
        lists[index] = [edge];
    else
        list.push(edge);
}

;// CONCATENATED MODULE: ./src/engine/ready-queue.ts
/**
 * Ready steps ordered by critical-path priority: longest remaining path first, definition order on ties.
 * A binary heap over step indices, so a 10,000-step run never re-sorts.
 */
class ReadyQueue {
    #heap = [];
    #priority;
    constructor(priority) {
        this.#priority = priority;
    }
    get size() {
        return this.#heap.length;
    }
    push(index) {
        const heap = this.#heap;
        heap.push(index);
        let i = heap.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.#before(index, heap[parent]))
                break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = index;
    }
    peek() {
        return this.#heap[0];
    }
    pop() {
        const heap = this.#heap;
        const top = heap[0];
        const last = heap.pop();
        if (top === undefined || last === undefined || heap.length === 0)
            return top;
        let i = 0;
        const n = heap.length;
        for (;;) {
            const left = 2 * i + 1;
            if (left >= n)
                break;
            const right = left + 1;
            const child = right < n && this.#before(heap[right], heap[left]) ? right : left;
            if (!this.#before(heap[child], last))
                break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return top;
    }
    /** Removes and returns every queued index, best first (for passes that may skip some). */
    drain() {
        const out = [];
        for (let i = this.pop(); i !== undefined; i = this.pop())
            out.push(i);
        return out;
    }
    #before(a, b) {
        const pa = this.#priority[a];
        const pb = this.#priority[b];
        return pa > pb || (pa === pb && a < b);
    }
}

;// CONCATENATED MODULE: ./src/engine/scheduler.ts
/**
 * The scheduler: the semantics of a run as a state machine, with every effect (processes, timers, the
 * clock, events) behind `SchedulerHost`. It decides which step starts, retries, is held, skipped or
 * cancelled, and why; the driver (run-workflow.ts) only carries those decisions out.
 *
 * Work is O(steps + dependencies): each edge fires once, each step is evaluated once, and skips propagate
 * through an explicit work list (no recursion, so a 10,000-step chain of skips cannot overflow the stack).
 */




/** The outputs of a step that has none yet: shared, since facts are rebuilt at every start and end. */
const NO_OUTPUTS = Object.freeze({});
const SUCCESS_LIKE = (facts) => facts.status === 'completed' || (facts.status === 'failed' && facts.continueOnError);
class Scheduler {
    #request;
    #steps;
    #host;
    #index;
    #states;
    #facts = Object.create(null);
    #stepValues = Object.create(null);
    #queue;
    #capacity;
    #used = { cpu: 0, memory: 0, gpu: 0 };
    #breaker;
    #toEvaluate = [];
    #options;
    #limit;
    #running = 0;
    #exclusiveRunning = false;
    #maxRunning = 0;
    #doneCount = 0;
    #paused = false;
    #cancels = 0;
    #cancelReason = 'workflow cancelled';
    #timedOut = false;
    #pumping = false;
    #wakePending = false;
    #completionOrder = [];
    constructor(request, host, options) {
        this.#request = request;
        this.#steps = request.workflow.steps;
        this.#host = host;
        this.#options = options;
        this.#index = indexDependencies(request.workflow);
        this.#queue = new ReadyQueue(options.priority);
        this.#capacity = options.capacity;
        this.#limit = Math.max(1, options.concurrency);
        const breaker = request.errorHandling.circuitBreaker;
        this.#breaker = breaker?.enabled ? new CircuitBreaker(breaker) : null;
        this.#states = this.#steps.map((step, i) => {
            const state = {
                phase: 'waiting',
                status: 'pending',
                startLeft: this.#index.holdingStart[i]?.length ?? 0,
                finishLeft: this.#index.holdingFinish[i]?.length ?? 0,
                startUnmet: null,
                finishUnmet: null,
                upstreamFailed: false,
                startTime: null,
                endTime: null,
                attempts: 0,
                failedAttempts: 0,
                lastOutcome: null,
                cancelReason: null,
                result: null,
            };
            this.#setFacts(step, state);
            return state;
        });
    }
    // --- queries -------------------------------------------------------------------------------------
    get done() {
        return this.#doneCount === this.#steps.length;
    }
    get runStatus() {
        return this.#cancels > 0 || this.#timedOut ? 'cancelling' : this.#paused ? 'paused' : 'running';
    }
    get concurrency() {
        return this.#limit;
    }
    get maxConcurrency() {
        return this.#maxRunning;
    }
    get cancelled() {
        return this.#cancels > 0 && !this.#timedOut;
    }
    get timedOut() {
        return this.#timedOut;
    }
    get breaker() {
        return this.#breaker ? { state: this.#breaker.state, trips: this.#breaker.trips } : undefined;
    }
    /** Results in definition order; a step not settled yet has none. */
    results() {
        return this.#states.flatMap((s) => (s.result ? [s.result] : []));
    }
    /** Indices of steps that completed, in completion order (rollback runs them in reverse). */
    completionOrder() {
        return this.#completionOrder;
    }
    startTimeOf(index) {
        return this.#states[index]?.startTime ?? null;
    }
    attemptsOf(index) {
        return this.#states[index]?.attempts ?? 0;
    }
    /** The context conditions and `${{ }}` see now. */
    conditionContext() {
        return {
            steps: this.#facts,
            stepValues: this.#stepValues,
            context: this.#request.context,
            parameters: this.#request.parameters,
            env: this.#options.env,
            workflow: { name: this.#request.workflow.name },
            dependenciesSatisfied: true,
            upstreamFailed: false,
            cancelled: this.#cancels > 0,
        };
    }
    // --- commands from the driver ------------------------------------------------------------------
    /** Settles the steps a restart keeps, then evaluates every step with nothing to wait for. */
    start() {
        const kept = new Map((this.#options.previous ?? []).filter((r) => r.status === 'completed').map((r) => [r.id, r]));
        this.#steps.forEach((step, i) => {
            const previous = kept.get(step.id);
            if (previous)
                this.#settle(i, { ...previous, cached: true });
        });
        this.#states.forEach((state, i) => {
            if (state.phase === 'waiting' && state.startLeft === 0)
                this.#toEvaluate.push(i);
        });
        this.#drain();
        this.pump();
    }
    /** Starts whatever may start now: concurrency, exclusivity, resources, the breaker and pause allow. */
    pump() {
        if (this.#pumping)
            return;
        this.#pumping = true;
        try {
            this.#pumpOnce();
        }
        finally {
            this.#pumping = false;
        }
    }
    attemptEnded(index, outcome) {
        const state = this.#states[index];
        const step = this.#steps[index];
        if (!state || !step || state.phase !== 'running')
            return;
        const now = this.#host.now();
        this.#release(index);
        state.lastOutcome = outcome;
        const success = outcome.exitCode === 0 && !outcome.timedOut && !outcome.killed && !outcome.spawnError;
        if (this.#breaker && !outcome.killed && this.#breaker.record(success, now))
            this.#emitBreaker(now);
        if (outcome.killed) {
            this.#finishAttempt(index, 'cancelled');
        }
        else if (success) {
            this.#finishAttempt(index, 'completed');
        }
        else {
            state.failedAttempts++;
            const canRetry = state.attempts <= step.retries && this.#cancels === 0 && !this.#timedOut;
            if (canRetry) {
                const policy = this.#request.errorHandling.retryPolicy;
                const delay = Math.min(step.retryDelay * policy.backoffMultiplier ** (state.failedAttempts - 1), policy.maxDelay);
                state.phase = 'retry_wait';
                const error = describeFailure(step, outcome);
                this.#host.emit({ type: 'step_retry', time: now, stepId: step.id, attempt: state.attempts + 1, delay, error });
                this.#debug(step.id, `attempt ${state.attempts} failed (${error}); retry ${state.attempts + 1} of ${step.retries + 1} in ${delay} ms`);
                this.#host.scheduleRetry(index, delay);
            }
            else {
                this.#finishAttempt(index, 'failed');
            }
        }
        this.#drain();
        this.pump();
    }
    retryDue(index) {
        const state = this.#states[index];
        if (!state || state.phase !== 'retry_wait')
            return;
        state.phase = 'queued';
        this.#queue.push(index);
        this.pump();
    }
    pause() {
        if (this.#paused)
            return;
        this.#paused = true;
        this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus });
    }
    resume() {
        if (!this.#paused)
            return;
        this.#paused = false;
        this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus });
        this.pump();
    }
    setConcurrency(limit) {
        this.#limit = Math.max(1, Math.floor(limit));
        this.pump();
    }
    /**
     * SPEC §4: the first cancel kills running trees and cancels pending steps, except cleanup steps
     * (`always`, `always()`, `cancelled()`), which still run; a second cancel stops those too.
     */
    cancel(reason) {
        this.#cancels++;
        if (this.#cancels === 1)
            this.#cancelReason = reason;
        this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus });
        this.#stopAll(reason, this.#cancels === 1);
    }
    /** `workflow.timeout` expired: everything stops, no cleanup exception. */
    timeout(reason) {
        this.#timedOut = true;
        this.#cancelReason = reason;
        this.#host.emit({ type: 'run_status', time: this.#host.now(), status: this.runStatus });
        this.#stopAll(reason, false);
    }
    // --- internals ---------------------------------------------------------------------------------
    #stopAll(reason, keepCleanup) {
        this.#paused = false;
        this.#states.forEach((state, i) => {
            const step = this.#steps[i];
            const cleanup = keepCleanup && step.condition !== undefined && isCleanupCondition(step.condition);
            switch (state.phase) {
                case 'running':
                    state.cancelReason = reason;
                    this.#host.kill(i);
                    return;
                case 'retry_wait':
                    state.cancelReason = reason;
                    this.#finishAttempt(i, 'cancelled');
                    return;
                case 'queued':
                case 'waiting':
                    if (cleanup)
                        return;
                    // A queued step stays in the heap; pump discards entries whose step is no longer queued.
                    state.cancelReason = reason;
                    this.#settle(i, this.#resultFor(i, 'cancelled', reason));
                    return;
                case 'holding':
                case 'done':
                    return;
            }
        });
        this.#drain();
        this.pump();
    }
    #pumpOnce() {
        if (this.#paused)
            return;
        const now = this.#host.now();
        const deferred = [];
        while (this.#running < this.#limit && this.#queue.size > 0 && !this.#exclusiveRunning) {
            if (this.#breaker && !this.#breaker.mayStart(now)) {
                // Open: wake when it may half-open. Half-open with a trial running: the trial's end pumps.
                if (this.#breaker.state === 'open')
                    this.#wakeAfter(this.#breaker.remaining(now));
                break;
            }
            const i = this.#queue.pop();
            if (this.#states[i]?.phase !== 'queued')
                continue;
            const step = this.#steps[i];
            if (step.exclusive) {
                if (this.#running > 0) {
                    deferred.push(i);
                    break;
                }
                this.#launch(i, now);
                break;
            }
            if (!this.#fits(step.resources)) {
                this.#debug(step.id, `waits for resources (requests cpu ${step.resources.cpu}, memory ${step.resources.memory}, gpu ${step.resources.gpu})`);
                deferred.push(i);
                continue;
            }
            this.#launch(i, now);
        }
        for (const i of deferred)
            this.#queue.push(i);
    }
    #wakeAfter(delay) {
        if (this.#wakePending)
            return;
        this.#wakePending = true;
        this.#host.scheduleWake(Math.max(1, delay));
    }
    /** Called by the driver when a scheduled wake fires. */
    wake() {
        this.#wakePending = false;
        this.pump();
    }
    #fits(r) {
        const c = this.#capacity;
        const u = this.#used;
        const eps = 1e-9;
        return u.cpu + r.cpu <= c.cpu + eps && u.memory + r.memory <= c.memory + eps && u.gpu + r.gpu <= c.gpu + eps;
    }
    #launch(index, now) {
        const state = this.#states[index];
        const step = this.#steps[index];
        state.phase = 'running';
        state.attempts++;
        this.#running++;
        this.#maxRunning = Math.max(this.#maxRunning, this.#running);
        if (step.exclusive)
            this.#exclusiveRunning = true;
        this.#used.cpu += step.resources.cpu;
        this.#used.memory += step.resources.memory;
        this.#used.gpu += step.resources.gpu;
        this.#breaker?.started();
        const first = state.startTime === null;
        if (first) {
            state.startTime = now;
            state.status = 'running';
            this.#setFacts(step, state);
        }
        this.#debug(step.id, `starts attempt ${state.attempts} (priority ${(this.#options.priority[index] ?? 0).toFixed(0)}, ${this.#running}/${this.#limit} running)`);
        this.#host.launch(index, state.attempts);
        if (first) {
            for (const edge of this.#index.firedAtStart[index] ?? [])
                this.#fire(edge, true);
            this.#drain();
        }
    }
    #release(index) {
        const step = this.#steps[index];
        this.#running--;
        if (step.exclusive)
            this.#exclusiveRunning = false;
        this.#used.cpu -= step.resources.cpu;
        this.#used.memory -= step.resources.memory;
        this.#used.gpu -= step.resources.gpu;
    }
    /** The process side is over; the reported end may still be held by finish-side dependencies. */
    #finishAttempt(index, outcome) {
        const state = this.#states[index];
        state.endTime = this.#host.now();
        if (outcome === 'cancelled' || state.finishLeft === 0) {
            this.#settle(index, this.#resultFor(index, outcome, state.cancelReason ?? this.#cancelReason));
            return;
        }
        state.phase = 'holding';
        state.status = outcome === 'completed' ? 'completed' : 'failed';
        this.#debug(this.#steps[index].id, `ended ${outcome}; its end is held by ${state.finishLeft} finish-side dependenc${state.finishLeft === 1 ? 'y' : 'ies'}`);
    }
    #releaseHeld(index) {
        const state = this.#states[index];
        // The reported end is the release, not the process end: that is what "held" means.
        state.endTime = this.#host.now();
        const unmet = state.finishUnmet;
        if (unmet !== null) {
            this.#settle(index, this.#resultFor(index, 'cancelled', unmet));
        }
        else {
            this.#settle(index, this.#resultFor(index, state.status === 'completed' ? 'completed' : 'failed', null));
        }
    }
    #resultFor(index, status, reason) {
        const state = this.#states[index];
        const step = this.#steps[index];
        const outcome = state.lastOutcome;
        const started = state.startTime !== null;
        const end = state.endTime ?? this.#host.now();
        const error = status === 'failed' && outcome ? describeFailure(step, outcome) : status === 'cancelled' && started ? `Cancelled: ${reason ?? 'workflow cancelled'}` : null;
        return {
            id: step.id,
            name: step.name,
            status,
            startTime: started ? new Date(state.startTime).toISOString() : null,
            endTime: started ? new Date(end).toISOString() : null,
            duration: started ? end - state.startTime : null,
            output: outcome ? (outcome.outputs['output'] ?? outcome.lastLine ?? null) : null,
            error,
            attempts: state.attempts,
            exitCode: outcome?.exitCode ?? null,
            outputs: outcome?.outputs ?? {},
            reason: status === 'skipped' || status === 'cancelled' ? reason : null,
            timedOut: outcome?.timedOut ?? false,
            cached: false,
            ...(outcome?.outputTail !== undefined ? { outputTail: outcome.outputTail } : {}),
        };
    }
    /** Terminal: record the result, tell the world, fire the edges that wait on this step. */
    #settle(index, result) {
        const state = this.#states[index];
        const step = this.#steps[index];
        if (state.phase === 'done')
            return;
        const wasStarted = state.startTime !== null;
        state.phase = 'done';
        state.status = result.status;
        state.result = result;
        this.#doneCount++;
        if (result.status === 'completed')
            this.#completionOrder.push(index);
        this.#setFacts(step, state);
        if (result.status === 'skipped' || (result.status === 'cancelled' && !wasStarted)) {
            this.#debug(step.id, `${result.status}: ${result.reason ?? ''}`);
        }
        this.#host.emit({ type: 'step_end', time: this.#host.now(), stepId: step.id, result });
        if (!wasStarted)
            for (const edge of this.#index.firedAtStart[index] ?? [])
                this.#fire(edge, false);
        for (const edge of this.#index.firedAtFinish[index] ?? [])
            this.#fire(edge, false);
    }
    /** An edge reached its trigger point: judge its condition on `from` as it stands now. */
    #fire(edge, atStart) {
        const target = this.#states[edge.to];
        if (target.phase === 'done')
            return;
        const from = this.#steps[edge.from];
        const fromFacts = this.#facts[from.id];
        const unmet = unmetReason(edge, fromFacts, atStart);
        if (fromFacts.status === 'failed' && !fromFacts.continueOnError)
            target.upstreamFailed = true;
        if ((fromFacts.status === 'skipped' || fromFacts.status === 'cancelled') && this.#states[edge.from].upstreamFailed) {
            target.upstreamFailed = true;
        }
        if (edge.holdsStart) {
            if (unmet)
                target.startUnmet ??= unmet;
            if (--target.startLeft === 0 && target.phase === 'waiting')
                this.#toEvaluate.push(edge.to);
            else if (this.#host.debug && target.phase === 'waiting') {
                this.#debug(this.#steps[edge.to]?.id, `${from.id} ${atStart ? 'started' : 'finished'}; still waits on ${target.startLeft} dependenc${target.startLeft === 1 ? 'y' : 'ies'}`);
            }
        }
        else {
            if (unmet)
                target.finishUnmet ??= unmet;
            if (--target.finishLeft === 0 && target.phase === 'holding')
                this.#releaseHeld(edge.to);
        }
    }
    /** Decide each step whose start-holding edges have all fired: queue it or skip it, with a reason. */
    #drain() {
        for (let i = this.#toEvaluate.pop(); i !== undefined; i = this.#toEvaluate.pop()) {
            const state = this.#states[i];
            if (state.phase !== 'waiting')
                continue;
            const step = this.#steps[i];
            if (this.#timedOut || (this.#cancels > 0 && !(this.#cancels === 1 && step.condition && isCleanupCondition(step.condition)))) {
                this.#settle(i, this.#resultFor(i, 'cancelled', this.#cancelReason));
                continue;
            }
            const satisfied = state.startUnmet === null;
            let run;
            let reason;
            if (step.condition) {
                run = evaluateCondition(step.condition, {
                    ...this.conditionContext(),
                    dependenciesSatisfied: satisfied,
                    upstreamFailed: state.upstreamFailed,
                });
                reason = !satisfied && !step.condition.usesStatusFunction ? state.startUnmet : `condition \`${step.condition.source}\` is false`;
            }
            else {
                run = satisfied;
                reason = state.startUnmet ?? '';
            }
            if (run) {
                state.phase = 'queued';
                this.#queue.push(i);
                this.#debug(step.id, `ready${step.condition ? ` (condition \`${step.condition.source}\` is true)` : ''}`);
            }
            else {
                this.#settle(i, this.#resultFor(i, 'skipped', reason));
            }
        }
    }
    /** Keeps the facts and their expression form in step, so conditions never rebuild either per step. */
    #setFacts(step, state) {
        const facts = this.#factsOf(step, state);
        this.#facts[step.id] = facts;
        this.#stepValues[step.id] = stepContextValue(facts);
    }
    #factsOf(step, state) {
        const r = state.result;
        return {
            status: state.status,
            outputs: r?.outputs ?? NO_OUTPUTS,
            exitCode: r?.exitCode ?? null,
            duration: r?.duration ?? null,
            attempts: state.attempts,
            continueOnError: step.continueOnError,
            timedOut: r?.timedOut ?? false,
        };
    }
    #emitBreaker(now) {
        if (!this.#breaker)
            return;
        this.#host.emit({ type: 'breaker', time: now, state: this.#breaker.state, trips: this.#breaker.trips });
    }
    #debug(stepId, message) {
        if (!this.#host.debug)
            return;
        this.#host.emit({ type: 'debug', time: this.#host.now(), ...(stepId !== undefined ? { stepId } : {}), message: stepId ? `${stepId}: ${message}` : message });
    }
}
/** Null when the edge's condition holds for `from` at the trigger point, else why not. */
function unmetReason(edge, from, atStart) {
    const d = edge.dependency;
    if (d.condition === 'always')
        return null;
    if (atStart) {
        // At a start trigger the only outcome known is whether `from` started; it cannot have failed yet.
        const started = from.status !== 'skipped' && from.status !== 'cancelled';
        if (d.condition === 'success' && started)
            return null;
        return `dependency ${d.from} ${started ? 'started' : `was ${from.status}`} (${d.type}, needs ${d.condition})`;
    }
    if (d.condition === 'success' && SUCCESS_LIKE(from))
        return null;
    if (d.condition === 'failure' && from.status === 'failed')
        return null;
    return `dependency ${d.from} ${from.status} (${d.type}, needs ${d.condition})`;
}
/** A one-line cause: spawn error, timeout, signal or exit code. Also used for rollback commands. */
function describeFailure(step, outcome) {
    if (outcome.spawnError)
        return `Failed to start: ${outcome.spawnError}`;
    if (outcome.timedOut)
        return `Timed out after ${step.timeout ?? 0} ms`;
    if (outcome.signal)
        return `Killed by ${outcome.signal}`;
    return `Exit code ${outcome.exitCode ?? 'unknown'}`;
}

;// CONCATENATED MODULE: ./src/engine/rollback.ts
/**
 * SPEC §7 compensation: when a workflow fails under `rollbackStrategy: automatic`, the `rollback`
 * commands of completed steps run one at a time, in reverse completion order. A failing rollback is
 * recorded and the others still run.
 */



async function runRollbacks(request, completionOrder, host) {
    const results = new Map();
    for (const index of [...completionOrder].reverse()) {
        const step = request.workflow.steps[index];
        if (!step?.rollback)
            continue;
        host.emit({ type: 'rollback_start', time: Date.now(), stepId: step.id });
        const env = {};
        for (const [k, v] of Object.entries(host.env))
            if (v !== undefined)
                env[k] = v;
        Object.assign(env, step.environment, { TASK_STEP_ID: step.id, TASK_ROLLBACK: 'true', TASK_CONTEXT: JSON.stringify(request.context) });
        const exit = await startStepProcess({
            command: step.rollback,
            shell: step.shell,
            cwd: (0,external_node_path_.resolve)(request.source.root, step.workingDirectory ?? '.'),
            env,
            ...(step.timeout !== undefined ? { timeout: step.timeout } : {}),
            killGracePeriod: step.killGracePeriod,
        }, { onLine: (stream, line) => host.emit({ type: 'step_output', time: Date.now(), stepId: step.id, stream, line: `(rollback) ${line}` }) }).exited;
        const ok = exit.exitCode === 0 && !exit.timedOut && !exit.spawnError;
        const result = {
            status: ok ? 'completed' : 'failed',
            exitCode: exit.exitCode,
            duration: exit.durationMs,
            error: ok ? null : describeFailure(step, exit),
        };
        results.set(step.id, result);
        host.emit({ type: 'rollback_end', time: Date.now(), stepId: step.id, result });
    }
    return results;
}

;// CONCATENATED MODULE: ./src/engine/secret-masker.ts
/**
 * Keeps secret values out of everything the orchestrator writes: logs, results, stored state and
 * webhook payloads (SPEC §11). Values come from the environment's secrets and from `::add-mask::`.
 */
/** What a secret is replaced with, as on GitHub. */
const MASK = '***';
/**
 * Values shorter than this are not masked. GitHub masks any non-empty value; a single character would
 * blank out every occurrence of that character in every log and result, which hides more than it protects.
 */
const MIN_SECRET_LENGTH = 2;
/**
 * Replaces registered secrets with `***`. Like the runner, each line of a multi-line secret is also a
 * secret (a log shows such a value one line at a time), and so are its JSON-string and URL encodings
 * (how it appears inside JSON or a URL). Longer values are replaced first, so a secret that contains
 * another is hidden whole.
 */
class SecretMasker {
    #values = new Set();
    #pattern = null;
    /** Registers a secret; empty and single-character values (and lines) are ignored. */
    add(value) {
        const before = this.#values.size;
        for (const candidate of secret_masker_forms(value))
            if (candidate.length >= MIN_SECRET_LENGTH)
                this.#values.add(candidate);
        if (this.#values.size !== before)
            this.#pattern = null;
    }
    /** How many distinct values (secrets, their lines and encodings) are masked. */
    get size() {
        return this.#values.size;
    }
    /** Length of the longest registered value (0 with none). */
    get longest() {
        let longest = 0;
        for (const value of this.#values)
            longest = Math.max(longest, value.length);
        return longest;
    }
    /**
     * Where text that continues past `cut` may be split so that no registered value straddles the split:
     * `cut` itself, or the start of the occurrence that spans it. A line cut into pieces is masked piece by
     * piece, so the caller keeps what follows in hand for the next piece.
     */
    safeCut(text, cut) {
        if (this.#values.size === 0)
            return cut;
        const pattern = new RegExp(this.#compiled().source, 'g');
        for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
            if (m.index >= cut)
                break;
            if (m.index + m[0].length > cut)
                return m.index;
            if (m[0].length === 0)
                pattern.lastIndex++;
        }
        return cut;
    }
    /** The text with every registered value replaced by `***`. */
    mask(text) {
        if (this.#values.size === 0 || text.length < MIN_SECRET_LENGTH)
            return text;
        return text.replace(this.#compiled(), MASK);
    }
    /**
     * A copy of plain JSON data (objects, arrays, strings, numbers, …) with every string masked (the value
     * itself while no secret is registered). Keys are kept as they are; values that are not plain data
     * (a Date, a Map) are returned as they are.
     */
    maskDeep(value) {
        // With nothing to mask, the value is returned as it is: callers treat results as immutable, and a
        // copy per event would cost a 10,000-step run a walk of every result it emits.
        if (this.#values.size === 0)
            return value;
        return this.#walk(value);
    }
    #walk(value) {
        if (typeof value === 'string')
            return this.mask(value);
        if (Array.isArray(value))
            return value.map((item) => this.#walk(item));
        if (!secret_masker_isPlainObject(value))
            return value;
        const copy = {};
        for (const [key, item] of Object.entries(value)) {
            // defineProperty keeps a `__proto__` key an ordinary property of the copy.
            Object.defineProperty(copy, key, { value: this.#walk(item), enumerable: true, writable: true, configurable: true });
        }
        return copy;
    }
    #compiled() {
        if (this.#pattern === null) {
            const longestFirst = [...this.#values].sort((a, b) => b.length - a.length);
            this.#pattern = new RegExp(longestFirst.map(escapeRegExp).join('|'), 'g');
        }
        return this.#pattern;
    }
}
/** The value, each of its trimmed lines, and the JSON-string and URL encodings of all of them. */
function secret_masker_forms(value) {
    const plain = [value];
    if (/[\r\n]/.test(value))
        for (const line of value.split(/\r?\n|\r/))
            plain.push(line.trim());
    const all = [...plain];
    for (const text of plain) {
        all.push(JSON.stringify(text).slice(1, -1));
        const uri = uriEncoded(text);
        if (uri !== null)
            all.push(uri);
    }
    return all;
}
/** Null for text with a lone surrogate, which has no URL encoding. */
function uriEncoded(text) {
    try {
        return encodeURIComponent(text);
    }
    catch {
        return null;
    }
}
function secret_masker_isPlainObject(value) {
    if (value === null || typeof value !== 'object')
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/engine/step-invocation.ts



const hasTemplate = (text) => text !== undefined && text.includes('${{');
/** Fails (with a one-line reason) only when an expression cannot be evaluated, e.g. fromJSON of bad JSON. */
function prepareStepInvocation(step, inputs) {
    // The roots are built only for steps that use `${{ }}`: most steps don't, and a 10,000-step run
    // should not pay for a copy of every step's facts per start.
    let evaluator = null;
    const evaluate = (span) => {
        evaluator ??= createTemplateEvaluator(conditionRootValues(inputs.conditionContext));
        return evaluator(span);
    };
    // Layered over the run's base environment rather than copied: spawn reads inherited keys too.
    const env = Object.create(inputs.baseEnv);
    for (const [key, value] of Object.entries(step.environment)) {
        if (!hasTemplate(value)) {
            env[key] = value;
            continue;
        }
        const filled = substituteText(value, evaluate);
        if (!filled.ok)
            return err(`environment ${key}: ${filled.error.message}`);
        env[key] = filled.value;
    }
    let command = step.command;
    if (hasTemplate(command)) {
        const substituted = substituteCommand(command, evaluate, step.shell);
        if (!substituted.ok)
            return err(`command: ${substituted.error.message}`);
        command = substituted.value.command;
        Object.assign(env, substituted.value.env);
    }
    let workingDirectory = step.workingDirectory;
    if (hasTemplate(workingDirectory)) {
        const filled = substituteText(workingDirectory, evaluate);
        if (!filled.ok)
            return err(`workingDirectory: ${filled.error.message}`);
        workingDirectory = filled.value;
    }
    env['TASK_OUTPUT'] = inputs.outputFile;
    env['TASK_STEP_ID'] = step.id;
    env['TASK_WORKFLOW_ID'] = inputs.workflowId;
    env['TASK_ATTEMPT'] = String(inputs.attempt);
    env['TASK_CONTEXT'] = JSON.stringify(inputs.request.context);
    return ok({ command, env, ...(workingDirectory !== undefined ? { workingDirectory } : {}) });
}

;// CONCATENATED MODULE: ./src/engine/step-output-file.ts
/**
 * What a step writes to `$TASK_OUTPUT`: GitHub's `$GITHUB_OUTPUT` syntax, read the way the runner reads
 * it (SPEC §2 "outputs", §3 Progress).
 */


/** More than this in one attempt's output file is refused rather than read into memory. */
const MAX_OUTPUT_FILE_BYTES = 1024 * 1024;
/**
 * Parses `name=value` lines and heredocs (`name<<DELIM`, the value's lines, `DELIM`), as the runner
 * does: blank lines are skipped, whichever of `=` and `<<` comes first decides the form, a later line
 * for the same name wins, a heredoc value keeps its inner newlines (without the last one).
 */
function parseStepOutputFile(text) {
    const outputs = new Map();
    const lines = text.split('\n');
    // A file ending in a newline has no real line after it.
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    for (let i = 0; i < lines.length; i++) {
        const line = withoutCarriageReturn(lines[i]);
        if (line === '')
            continue;
        const equals = line.indexOf('=');
        const heredoc = line.indexOf('<<');
        if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
            const name = line.slice(0, equals);
            if (name === '')
                return err(`line ${i + 1}: an output needs a name before '='`);
            outputs.set(name, line.slice(equals + 1));
        }
        else if (heredoc >= 0) {
            const name = line.slice(0, heredoc);
            const delimiter = line.slice(heredoc + 2);
            if (name === '' || delimiter === '')
                return err(`line ${i + 1}: '${line}' needs a name before '<<' and a delimiter after it`);
            const valueLines = [];
            let end = i + 1;
            while (end < lines.length && withoutCarriageReturn(lines[end]) !== delimiter) {
                valueLines.push(withoutCarriageReturn(lines[end]));
                end++;
            }
            if (end >= lines.length)
                return err(`line ${i + 1}: the value of '${name}' is never closed by a '${delimiter}' line`);
            outputs.set(name, valueLines.join('\n'));
            i = end;
        }
        else {
            return err(`line ${i + 1}: '${line}' is neither 'name=value' nor 'name<<DELIMITER'`);
        }
    }
    // fromEntries makes `__proto__` an ordinary own key instead of a prototype change.
    return ok(Object.fromEntries(outputs));
}
/** A step's self-reported progress: the `progress` (0..100, `%` allowed, clamped) and `task` outputs. */
function progressFromOutputs(outputs) {
    const rawProgress = Object.hasOwn(outputs, 'progress') ? outputs['progress'] : undefined;
    const rawTask = Object.hasOwn(outputs, 'task') ? outputs['task'] : undefined;
    const text = rawProgress?.trim().replace(/%$/, '');
    const number = text === undefined || text === '' ? NaN : Number(text);
    const task = rawTask?.trim();
    return {
        ...(Number.isFinite(number) ? { percentage: Math.min(100, Math.max(0, number)) } : {}),
        ...(task ? { task } : {}),
    };
}
/**
 * Reads and parses an attempt's output file. A missing file means no outputs; a file over
 * `maxBytes` is an error (never read whole). Invalid UTF-8 is replaced, not refused.
 */
async function readStepOutputFile(path, maxBytes = MAX_OUTPUT_FILE_BYTES) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(path, 'r');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return ok({});
        return err(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
        const { size } = await handle.stat();
        if (size > maxBytes)
            return err(`$TASK_OUTPUT is larger than ${maxBytes} bytes`);
        const content = await handle.readFile();
        // A step still writing may have grown it since the check.
        if (content.length > maxBytes)
            return err(`$TASK_OUTPUT is larger than ${maxBytes} bytes`);
        return parseStepOutputFile(content.toString('utf8'));
    }
    catch (error) {
        return err(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    finally {
        await handle.close();
    }
}
function withoutCarriageReturn(line) {
    return line.endsWith('\r') ? line.slice(0, -1) : line;
}

;// CONCATENATED MODULE: ./src/engine/workflow-commands.ts
/**
 * GitHub workflow commands in a step's output (SPEC §3): a step may raise annotations and mask values;
 * nothing else it prints may act on the runner through the orchestrator's own stdout.
 *
 * The runner acts on two forms (actions/runner `ActionCommand.cs`): `::name k=v,k2=v2::data` at the start
 * of a line (after leading whitespace), and the legacy `##[name k=v;]data` ANYWHERE in a line. A
 * `[step] ` prefix therefore defuses the first form but not the second: print step text through
 * {@link neutralizeWorkflowCommands}.
 */
const TEXT = Object.freeze({ kind: 'text' });
const COMMAND_KEY = '::';
const LEGACY_PREFIX = '##[';
/** Not whitespace to .NET's TrimStart, so a line starting with it never starts with `::` to the runner. */
const ZERO_WIDTH_SPACE = '\u200b';
/** The runner reads these keys case-insensitively; we hand them on in the toolkit's spelling. */
const ANNOTATION_KEYS = new Map(['file', 'line', 'endLine', 'col', 'endColumn', 'title'].map((key) => [key.toLowerCase(), key]));
/**
 * Parses `::name key=value,…::message` the way the runner does (leading whitespace allowed, properties
 * without a name or value dropped), reversing the toolkit's escaping. Null when the line is not one.
 */
function parseWorkflowCommand(line) {
    const start = line.indexOf(COMMAND_KEY);
    if (start < 0 || line.slice(0, start).trim() !== '')
        return null;
    const infoStart = start + COMMAND_KEY.length;
    const infoEnd = line.indexOf(COMMAND_KEY, infoStart);
    if (infoEnd < 0)
        return null;
    const info = line.slice(infoStart, infoEnd);
    const space = info.indexOf(' ');
    const command = space < 0 ? info : info.slice(0, space);
    if (command === '')
        return null;
    const properties = {};
    if (space > 0) {
        for (const pair of info.slice(space + 1).trim().split(',')) {
            const equals = pair.indexOf('=');
            if (equals <= 0 || equals === pair.length - 1)
                continue;
            const key = pair.slice(0, equals);
            Object.defineProperty(properties, ANNOTATION_KEYS.get(key.toLowerCase()) ?? key, {
                value: unescapeProperty(pair.slice(equals + 1)),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
    }
    return { command, properties, message: unescapeData(line.slice(infoEnd + COMMAND_KEY.length)) };
}
/**
 * What the orchestrator does with one line of step output: print it (`text`), raise an annotation,
 * register a mask, or print it as inert text because it is a command steps may not issue (`blocked`:
 * `::set-output`, `::set-env`, `::add-path`, `::save-state`, `::stop-commands`, `::group`, `::debug`,
 * any `##[…]`, …). `::add-mask::` with a blank value is blocked too (the runner ignores it).
 */
function classifyStepLine(line) {
    const hasCommand = line.includes(COMMAND_KEY);
    const hasLegacy = line.includes(LEGACY_PREFIX);
    if (!hasCommand && !hasLegacy)
        return TEXT;
    const parsed = hasCommand ? parseWorkflowCommand(line) : null;
    if (parsed) {
        const name = parsed.command.toLowerCase();
        if (name === 'error' || name === 'warning' || name === 'notice') {
            return { kind: 'annotation', level: name, message: parsed.message, properties: parsed.properties };
        }
        if (name === 'add-mask')
            return parsed.message.trim() === '' ? { kind: 'blocked', command: parsed.command } : { kind: 'mask', value: parsed.message };
        // Any name may be a command: after `::stop-commands::TOKEN`, `::TOKEN::` is one.
        return { kind: 'blocked', command: parsed.command };
    }
    const legacy = hasLegacy ? legacyCommandName(line) : null;
    return legacy === null ? TEXT : { kind: 'blocked', command: legacy };
}
/**
 * Makes a line of step text inert for the runner while it reads the same: a zero-width space goes
 * before a leading `::` and inside every `##[`. Apply to every step line the orchestrator prints.
 */
function neutralizeWorkflowCommands(line) {
    let safe = line.includes(LEGACY_PREFIX) ? line.replaceAll(LEGACY_PREFIX, '##' + ZERO_WIDTH_SPACE + '[') : line;
    const start = safe.indexOf(COMMAND_KEY);
    if (start >= 0 && safe.slice(0, start).trim() === '')
        safe = safe.slice(0, start) + ZERO_WIDTH_SPACE + safe.slice(start);
    return safe;
}
/**
 * The toolkit's escaping of a command's message. `@actions/core` keeps its own `escapeData` private
 * (its package exports only the main entry), hence this copy of the rule.
 */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** The toolkit's escaping of a command's property value (also `:` and `,`). */
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
const DATA_ESCAPES = { '%25': '%', '%0D': '\r', '%0A': '\n' };
const PROPERTY_ESCAPES = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' };
/** One pass, so an escaped `%` never combines with what follows it (`%250A` is `%0A`, not a newline). */
function unescapeData(value) {
    return value.includes('%') ? value.replace(/%(?:25|0D|0A)/g, (code) => DATA_ESCAPES[code] ?? code) : value;
}
function unescapeProperty(value) {
    return value.includes('%') ? value.replace(/%(?:25|0D|0A|3A|2C)/g, (code) => PROPERTY_ESCAPES[code] ?? code) : value;
}
/** The runner's legacy parser: the first `##[` anywhere, its name up to a space or the first `]`. */
function legacyCommandName(line) {
    const start = line.indexOf(LEGACY_PREFIX);
    const close = line.indexOf(']', start);
    if (close < 0)
        return null;
    const info = line.slice(start + LEGACY_PREFIX.length, close);
    const space = info.indexOf(' ');
    const name = space < 0 ? info : info.slice(0, space);
    return name === '' ? null : name;
}

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./src/engine/young-generation.ts
/**
 * V8 grows its young generation ("new space") up to 2 × 16 MB whenever a scavenge finds many survivors.
 * Loading and running thousands of steps always has some in flight, so the space reaches its maximum and
 * stays there: ~17 MB of the 10,000-step run's peak RSS (127 → 110 MB measured), for no speed (a short
 * step's objects die within a scavenge or two either way). Only the growth factor can be changed once
 * the process runs (the maximum is fixed when V8 starts), so the entry points hold the space at its
 * starting size from the first line, through the load, and a run of few steps lets it grow again: one
 * step printing 300 MB ran 30% slower in a small young generation.
 */

/** From this many steps on, memory goes to per-step objects rather than to what one step prints. */
const MANY_STEPS = 1000;
const V8_DEFAULT_GROWTH_FACTOR = 2;
/** Called first thing by the CLI and the action, before the definition is loaded. */
function holdYoungGeneration(setFlags = external_node_v8_namespaceObject.setFlagsFromString) {
    setFlags('--semi-space-growth-factor=1');
}
/** Once the run's size is known: V8's default growth again unless it has many steps. */
function sizeYoungGenerationFor(steps, setFlags = external_node_v8_namespaceObject.setFlagsFromString) {
    if (steps < MANY_STEPS)
        setFlags(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
}

;// CONCATENATED MODULE: ./src/engine/run-workflow.ts
/**
 * The driver: carries out the scheduler's decisions with real processes and timers, and turns what
 * happens into the event stream. All semantics live in scheduler.ts; all process handling in process/.
 */














const LAST_LINE_LIMIT = 1024;
const TAIL_LINES = 50;
const PROGRESS_POLL_MS = 1000;
/** Starts a run at once and returns its handle; `done` resolves with the result and never rejects. */
function startWorkflow(request, options) {
    sizeYoungGenerationFor(request.workflow.steps.length);
    return new Run(request, options).handle();
}
class Run {
    #request;
    #options;
    #masker = new SecretMasker();
    #attempts = new Map();
    /** Per step and stream: the held-back end of a cut line (see #onPiece). */
    #carry = new Map();
    #timers = new Set();
    #concurrencyChanges = [];
    #debug;
    #env;
    #scheduler = null;
    #scratch = '';
    #ownsScratch = false;
    #startTime = Date.now();
    #finished = false;
    #resolve = () => { };
    /** Controls that arrive before the scheduler exists (capacity detection is async). */
    #early = [];
    #progressTimer = null;
    constructor(request, options) {
        this.#request = request;
        this.#options = options;
        // One snapshot per run: reading process.env goes through a getter per key, and every step starts
        // from this environment (layered, not copied).
        const env = {};
        const source = options.env ?? process.env;
        for (const key of Object.keys(source)) {
            const value = source[key];
            if (value !== undefined)
                env[key] = value;
        }
        this.#env = env;
        this.#debug = request.debug.enabled || this.#env['ACTIONS_STEP_DEBUG'] === 'true';
    }
    handle() {
        const done = new Promise((resolveDone) => {
            this.#resolve = resolveDone;
        });
        void this.#begin();
        const control = (action) => {
            if (this.#scheduler)
                action(this.#scheduler);
            else
                this.#early.push(() => action(this.#scheduler));
        };
        return {
            workflowId: this.#options.workflowId,
            done,
            pause: () => control((s) => s.pause()),
            resume: () => control((s) => s.resume()),
            cancel: (reason = 'workflow cancelled') => control((s) => s.cancel(reason)),
            setConcurrency: (limit, measuredCpu = NaN) => control((s) => {
                const from = s.concurrency;
                s.setConcurrency(limit);
                if (s.concurrency !== from)
                    this.#emit({ type: 'concurrency', time: Date.now(), from, to: s.concurrency, cpu: measuredCpu });
            }),
            snapshot: () => this.#snapshot(),
        };
    }
    async #begin() {
        try {
            const capacity = await this.#capacity();
            this.#scratch = this.#options.scratchDir ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_namespaceObject.tmpdir)(), 'task-orchestrator-'));
            this.#ownsScratch = this.#options.scratchDir === undefined;
            const workflow = this.#request.workflow;
            const concurrency = workflow.sequential ? 1 : (this.#options.concurrency ?? workflow.concurrency ?? (0,external_node_os_namespaceObject.availableParallelism)());
            this.#startTime = Date.now();
            this.#scheduler = new Scheduler(this.#request, this.#host(), {
                concurrency,
                capacity,
                priority: remainingPathLengths(workflow, this.#options.history),
                ...(this.#options.previous ? { previous: this.#options.previous } : {}),
                env: this.#env,
            });
            this.#emit({ type: 'workflow_start', time: this.#startTime, workflowId: this.#options.workflowId, name: workflow.name, stepIds: workflow.steps.map((s) => s.id) });
            if (workflow.timeout !== undefined) {
                const limit = workflow.timeout;
                this.#timer(limit, () => this.#scheduler?.timeout(`Workflow timed out after ${limit} ms`));
            }
            // Controls sent while capacity was being detected (autoScaling's first limit, an early pause)
            // apply before the first step starts.
            for (const apply of this.#early.splice(0))
                apply();
            this.#scheduler.start();
            this.#progressTimer = setInterval(() => void this.#pollProgress(), PROGRESS_POLL_MS);
            this.#progressTimer.unref();
            this.#checkDone();
        }
        catch (error) {
            // A bug, not a user error: still settle `done` so callers never hang.
            await this.#finish(error instanceof Error ? error.message : String(error));
        }
    }
    async #capacity() {
        if (this.#options.capacity)
            return this.#options.capacity;
        if (this.#request.resources.limits)
            return this.#request.resources.limits;
        return detectCapacity(this.#request.workflow.steps.some((s) => s.resources.gpu > 0));
    }
    #host() {
        return {
            now: () => Date.now(),
            launch: (index, attempt) => this.#launch(index, attempt),
            kill: (index) => this.#attempts.get(index)?.process.cancel(),
            scheduleRetry: (index, delay) => this.#timer(delay, () => this.#scheduler?.retryDue(index)),
            scheduleWake: (delay) => this.#timer(delay, () => this.#scheduler?.wake()),
            emit: (event) => this.#emit(event),
            debug: this.#debug,
        };
    }
    #launch(index, attempt) {
        const scheduler = this.#scheduler;
        const step = this.#request.workflow.steps[index];
        const outputFile = (0,external_node_path_.join)(this.#scratch, `${index}-${attempt}.out`);
        const invocation = prepareStepInvocation(step, {
            request: this.#request,
            workflowId: this.#options.workflowId,
            attempt,
            outputFile,
            baseEnv: this.#env,
            conditionContext: scheduler.conditionContext(),
        });
        const now = Date.now();
        if (!invocation.ok) {
            // Not a process failure: the step's own `${{ }}` could not be evaluated. Report it as the cause.
            this.#emit({ type: 'step_start', time: now, stepId: step.id, attempt, pid: undefined });
            setImmediate(() => {
                this.#scheduler?.attemptEnded(index, { exitCode: null, signal: null, timedOut: false, killed: false, spawnError: invocation.error, outputs: {}, lastLine: null });
                this.#checkDone();
            });
            return;
        }
        const captureTail = this.#request.debug.captureOutputs;
        const attemptState = {
            outputFile,
            startedAt: now,
            lastLine: null,
            tail: captureTail ? [] : null,
            progress: {},
            process: startStepProcess({
                command: invocation.value.command,
                shell: step.shell,
                cwd: (0,external_node_path_.resolve)(this.#request.source.root, invocation.value.workingDirectory ?? '.'),
                env: invocation.value.env,
                ...(step.timeout !== undefined ? { timeout: step.timeout } : {}),
                killGracePeriod: step.killGracePeriod,
            }, { onLine: (stream, line, continues) => this.#onPiece(index, step, stream, line, continues === true) }),
        };
        this.#attempts.set(index, attemptState);
        this.#emit({ type: 'step_start', time: now, stepId: step.id, attempt, pid: attemptState.process.pid });
        attemptState.process.exited.then((exit) => void this.#attemptExited(index, attemptState, exit), (error) => void this.#attemptExited(index, attemptState, {
            exitCode: null,
            signal: null,
            timedOut: false,
            cancelled: false,
            spawnError: String(error),
            durationMs: Date.now() - now,
        }));
    }
    /**
     * A line longer than the process layer's limit arrives in pieces. Masking each piece alone would print
     * a secret that straddles a cut in two unmasked halves, so the end of a piece that could begin a secret
     * is held back and masked with the next piece.
     */
    #onPiece(index, step, stream, raw, continues) {
        const key = `${index}:${stream}`;
        const carried = this.#carry.get(key);
        let text = carried === undefined ? raw : carried + raw;
        this.#carry.delete(key);
        if (continues && this.#masker.longest > 1) {
            const keepFrom = this.#masker.safeCut(text, Math.max(0, text.length - (this.#masker.longest - 1)));
            if (keepFrom < text.length)
                this.#carry.set(key, text.slice(keepFrom));
            text = text.slice(0, keepFrom);
            if (text.length === 0)
                return;
        }
        this.#onLine(index, step, stream, text);
    }
    /** What a step's last, unfinished piece left in hand (its process ended mid-line). */
    #flushCarry(index, step) {
        for (const stream of ['stdout', 'stderr']) {
            const key = `${index}:${stream}`;
            const carried = this.#carry.get(key);
            this.#carry.delete(key);
            if (carried !== undefined && carried.length > 0)
                this.#onLine(index, step, stream, carried);
        }
    }
    #onLine(index, step, stream, raw) {
        const time = Date.now();
        const kind = classifyStepLine(raw);
        if (kind.kind === 'mask') {
            this.#masker.add(kind.value);
            this.#emit({ type: 'secret', time, value: kind.value });
            return;
        }
        const line = this.#masker.mask(raw);
        if (kind.kind === 'annotation') {
            this.#emit({
                type: 'step_annotation',
                time,
                stepId: step.id,
                level: kind.level,
                message: this.#masker.mask(kind.message),
                properties: kind.properties,
            });
        }
        const attempt = this.#attempts.get(index);
        if (attempt) {
            if (stream === 'stdout' && line.trim() !== '')
                attempt.lastLine = line.length > LAST_LINE_LIMIT ? line.slice(0, LAST_LINE_LIMIT) : line;
            if (attempt.tail) {
                attempt.tail.push(line);
                if (attempt.tail.length > TAIL_LINES)
                    attempt.tail.shift();
            }
        }
        this.#emit({ type: 'step_output', time, stepId: step.id, stream, line });
    }
    async #attemptExited(index, attempt, exit) {
        const step = this.#request.workflow.steps[index];
        if (step)
            this.#flushCarry(index, step);
        // Most steps write no outputs: a stat is far cheaper than the failed open (and its error object).
        const read = (0,external_node_fs_.existsSync)(attempt.outputFile) ? await readStepOutputFile(attempt.outputFile) : { ok: true, value: {} };
        const outputs = {};
        let outputError;
        if (read.ok) {
            for (const [k, v] of Object.entries(read.value))
                outputs[k] = this.#masker.mask(v);
        }
        else {
            outputError = read.error;
        }
        this.#attempts.delete(index);
        const outcome = {
            exitCode: exit.exitCode,
            signal: exit.signal,
            timedOut: exit.timedOut,
            killed: exit.cancelled,
            ...(exit.spawnError !== undefined ? { spawnError: exit.spawnError } : outputError !== undefined && exit.exitCode === 0 ? { spawnError: `bad $TASK_OUTPUT: ${outputError}` } : {}),
            outputs,
            lastLine: attempt.lastLine,
            ...(attempt.tail ? { outputTail: attempt.tail.join('\n') } : {}),
        };
        this.#scheduler?.attemptEnded(index, outcome);
        this.#checkDone();
    }
    async #pollProgress() {
        for (const [index, attempt] of this.#attempts) {
            if (!(0,external_node_fs_.existsSync)(attempt.outputFile))
                continue;
            const read = await readStepOutputFile(attempt.outputFile);
            if (!read.ok)
                continue;
            const progress = progressFromOutputs(read.value);
            if (progress.percentage === attempt.progress.percentage && progress.task === attempt.progress.task)
                continue;
            attempt.progress = progress;
            const stepId = this.#request.workflow.steps[index]?.id ?? '';
            this.#emit({ type: 'step_progress', time: Date.now(), stepId, ...progress });
        }
    }
    #checkDone() {
        const scheduler = this.#scheduler;
        if (!scheduler || !scheduler.done || this.#attempts.size > 0 || this.#finished)
            return;
        void this.#finish(null);
    }
    async #finish(crash) {
        if (this.#finished)
            return;
        this.#finished = true;
        for (const t of this.#timers)
            clearTimeout(t);
        if (this.#progressTimer)
            clearInterval(this.#progressTimer);
        const scheduler = this.#scheduler;
        let steps = scheduler ? scheduler.results() : [];
        const tolerated = new Set(this.#request.workflow.steps.filter((s) => s.continueOnError).map((s) => s.id));
        const failed = steps.filter((s) => s.status === 'failed' && !tolerated.has(s.id));
        const status = crash || scheduler?.timedOut || failed.length > 0 ? 'failed' : scheduler?.cancelled ? 'cancelled' : 'completed';
        if (status === 'failed' && scheduler && this.#request.errorHandling.rollbackStrategy === 'automatic') {
            const rollbacks = await runRollbacks(this.#request, scheduler.completionOrder(), {
                env: this.#env,
                emit: (event) => this.#emit(event.type === 'step_output' ? { ...event, line: this.#masker.mask(event.line) } : event),
            });
            steps = steps.map((s) => {
                const rollback = rollbacks.get(s.id);
                return rollback ? { ...s, rollback } : s;
            });
        }
        const end = Date.now();
        const timeout = this.#request.workflow.timeout;
        const error = crash
            ? `Internal error: ${crash}`
            : scheduler?.timedOut
                ? `Workflow timed out after ${timeout ?? 0} ms`
                : failed.length > 0
                    ? `${failed.length === 1 ? 'Step' : 'Steps'} ${failed.map((s) => s.id).join(', ')} failed`
                    : status === 'cancelled'
                        ? 'Workflow cancelled'
                        : null;
        const breaker = scheduler?.breaker;
        const metrics = computeMetrics({
            workflow: this.#request.workflow,
            steps,
            wallTime: end - this.#startTime,
            concurrency: scheduler?.concurrency ?? 1,
            maxConcurrency: scheduler?.maxConcurrency ?? 0,
            ...(breaker ? { circuitBreaker: breaker } : {}),
            concurrencyChanges: this.#concurrencyChanges,
        });
        const result = this.#masker.maskDeep({
            success: status === 'completed',
            workflowId: this.#options.workflowId,
            name: this.#request.workflow.name,
            status,
            steps,
            metrics,
            metadata: {
                startTime: new Date(this.#startTime).toISOString(),
                endTime: new Date(end).toISOString(),
                timestamp: new Date(end).toISOString(),
            },
            error,
        });
        this.#emit({ type: 'workflow_end', time: end, result });
        await Promise.all(this.#options.listeners.map((l) => l.close?.().catch(() => undefined)));
        if (this.#ownsScratch)
            (0,external_node_fs_.rmSync)(this.#scratch, { recursive: true, force: true });
        this.#resolve(result);
    }
    #emit(event) {
        if (event.type === 'concurrency') {
            this.#concurrencyChanges.push({ time: new Date(event.time).toISOString(), from: event.from, to: event.to, cpu: event.cpu });
        }
        const masked = event.type === 'step_end' ? { ...event, result: this.#masker.maskDeep(event.result) } : event;
        for (const listener of this.#options.listeners) {
            try {
                listener.onEvent(masked);
            }
            catch {
                // A reporter's bug must not stop the run; the result still carries everything.
            }
        }
    }
    #timer(delay, action) {
        const t = setTimeout(() => {
            this.#timers.delete(t);
            action();
            this.#checkDone();
        }, delay);
        this.#timers.add(t);
    }
    #snapshot() {
        const scheduler = this.#scheduler;
        const steps = this.#request.workflow.steps;
        const finished = scheduler ? scheduler.results() : [];
        const running = [...this.#attempts.entries()].map(([index, a]) => ({
            id: steps[index]?.id ?? '',
            startTime: new Date(scheduler?.startTimeOf(index) ?? a.startedAt).toISOString(),
            attempt: scheduler?.attemptsOf(index) ?? 1,
            ...a.progress,
        }));
        const settled = new Set(finished.map((r) => r.id));
        const active = new Set(running.map((r) => r.id));
        const breaker = scheduler?.breaker;
        return {
            status: scheduler?.runStatus ?? 'running',
            running,
            finished,
            pending: steps.filter((s) => !settled.has(s.id) && !active.has(s.id)).map((s) => s.id),
            concurrency: scheduler?.concurrency ?? 0,
            ...(breaker ? { circuitBreaker: breaker } : {}),
        };
    }
}

;// CONCATENATED MODULE: ./src/notify/placeholders.ts
/**
 * The seed's `{workflow.name}`-style placeholders in webhook payloads and alert messages. Values are
 * substituted inside string leaves of the parsed payload, so the body is always serialized by
 * JSON.stringify and a value with quotes or newlines can never break (or inject into) the JSON.
 */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\}/g;
/** Replaces every `{a.b}` whose name has a value; unknown names stay, so literal braces survive. */
function fillText(text, values) {
    return text.replace(PLACEHOLDER, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole));
}
/**
 * A copy of a JSON-like value with `fillText` applied to every string leaf (object keys are kept as
 * written), then `finish` applied to each resulting string (secret masking).
 */
function fillPayload(payload, values, finish = (t) => t) {
    if (typeof payload === 'string')
        return finish(fillText(payload, values));
    if (Array.isArray(payload))
        return payload.map((item) => fillPayload(item, values, finish));
    if (payload !== null && typeof payload === 'object') {
        const filled = {};
        for (const [key, value] of Object.entries(payload))
            filled[key] = fillPayload(value, values, finish);
        return filled;
    }
    return payload;
}
/** Applies `mask` to every string leaf of a JSON-like value (the default body carries no template). */
function maskStrings(value, mask) {
    return fillPayload(value, {}, mask);
}

;// CONCATENATED MODULE: ./src/notify/secret-events.ts
const secret_events_MASK = '***';
class SecretValues {
    #values = new Set();
    #mask;
    /** `mask`: the caller's own masking (e.g. the run's SecretMasker), applied first. */
    constructor(mask = (text) => text) {
        this.#mask = mask;
    }
    /** Learns the value of a `secret` event; other events are ignored. */
    observe(event) {
        if (event.type === 'secret' && event.value !== '')
            this.#values.add(event.value);
    }
    mask(text) {
        let masked = this.#mask(text);
        for (const value of this.#values)
            masked = masked.split(value).join(secret_events_MASK);
        return masked;
    }
}

;// CONCATENATED MODULE: ./src/notify/alerts.ts





const STEP_ROOTS = ['step', 'workflow', 'context', 'env'];
const WORKFLOW_ROOTS = ['workflow', 'context', 'env'];
class AlertMonitor {
    #alerts;
    #stepNames;
    #options;
    #now;
    #secrets;
    /** Running steps: id → when their first attempt started, and the current attempt. */
    #running = new Map();
    /** `<alert index>:<step id>` (empty id for run-level alerts) of every alert that fired. */
    #fired = new Set();
    #broken = new Set();
    #workflow = { id: '', name: '', status: 'running', startTime: 0, endTime: null, failedSteps: 0, completedSteps: 0 };
    #timer = null;
    constructor(options) {
        this.#options = options;
        this.#now = options.now ?? Date.now;
        this.#secrets = new SecretValues(options.mask);
        this.#stepNames = new Map(options.workflow.steps.map((s) => [s.id, s.name]));
        this.#workflow.name = options.workflow.name;
        this.#alerts = options.alerts.flatMap((alert) => {
            const parsed = parser_parseExpression(alert.condition.source, { roots: STEP_ROOTS });
            if (!parsed.ok) {
                options.warn(`alert condition \`${alert.condition.source}\` cannot be parsed (${parsed.error.message}); ignored`);
                return [];
            }
            const perStep = !parser_parseExpression(alert.condition.source, { roots: WORKFLOW_ROOTS }).ok;
            return [{ alert, ast: parsed.value, perStep }];
        });
    }
    onEvent(event) {
        this.#secrets.observe(event);
        switch (event.type) {
            case 'workflow_start':
                this.#workflow = { ...this.#workflow, id: event.workflowId, name: event.name, startTime: event.time };
                this.#startTimer();
                break;
            case 'step_start': {
                const running = this.#running.get(event.stepId);
                if (running)
                    running.attempts = event.attempt;
                else
                    this.#running.set(event.stepId, { startTime: event.time, attempts: event.attempt });
                break;
            }
            case 'step_end':
                this.#running.delete(event.stepId);
                if (event.result.status === 'failed')
                    this.#workflow.failedSteps++;
                if (event.result.status === 'completed')
                    this.#workflow.completedSteps++;
                this.#judgeStep(alerts_stepFacts(event.result), event.time);
                this.#judgeWorkflow(event.time);
                break;
            case 'workflow_end':
                this.#workflow = { ...this.#workflow, status: event.result.status, endTime: event.time };
                this.#stopTimer();
                this.#judgeWorkflow(event.time);
                break;
            default:
                break;
        }
    }
    async close() {
        this.#stopTimer();
    }
    /** Judges every running step with the time elapsed so far, and the run-level alerts. */
    tick() {
        const now = this.#now();
        for (const [id, running] of this.#running) {
            this.#judgeStep({
                id,
                name: this.#stepNames.get(id) ?? id,
                status: 'running',
                duration: now - running.startTime,
                attempts: running.attempts,
                exitCode: null,
                error: null,
                timedOut: false,
                outputs: {},
            }, now);
        }
        this.#judgeWorkflow(now);
    }
    #startTimer() {
        if (this.#timer || this.#alerts.length === 0)
            return;
        this.#timer = setInterval(() => this.tick(), this.#options.intervalMs ?? 250);
        // Alerts watch the run; they must never be what keeps the process alive.
        this.#timer.unref();
    }
    #stopTimer() {
        if (this.#timer)
            clearInterval(this.#timer);
        this.#timer = null;
    }
    #judgeStep(step, time) {
        this.#alerts.forEach((parsed, index) => {
            if (parsed.perStep)
                this.#judge(parsed, index, step, time);
        });
    }
    #judgeWorkflow(time) {
        this.#alerts.forEach((parsed, index) => {
            if (!parsed.perStep)
                this.#judge(parsed, index, null, time);
        });
    }
    #judge(parsed, index, step, time) {
        const key = `${index}:${step?.id ?? ''}`;
        if (this.#fired.has(key) || this.#broken.has(index))
            return;
        const workflow = this.#workflowFacts(time);
        const roots = { workflow, context: this.#options.context, env: this.#options.env, ...(step ? { step } : {}) };
        const value = evaluator_evaluateExpression(parsed.ast, roots);
        if (!value.ok) {
            this.#broken.add(index);
            this.#options.warn(`alert condition \`${parsed.alert.condition.source}\` failed: ${value.error.message}; ignored from now on`);
            return;
        }
        if (!values_isTruthy(value.value))
            return;
        this.#fired.add(key);
        const message = this.#secrets.mask(fillText(parsed.alert.message, placeholderValues(workflow, step)));
        this.#options.onAlert({
            severity: parsed.alert.severity,
            message,
            ...(step ? { stepId: step.id } : {}),
            location: parsed.alert.location,
            time,
        });
    }
    #workflowFacts(time) {
        const w = this.#workflow;
        return {
            id: w.id,
            name: w.name,
            status: w.status,
            duration: Math.max(0, (w.endTime ?? time) - w.startTime),
            failedSteps: w.failedSteps,
            completedSteps: w.completedSteps,
        };
    }
}
function alerts_stepFacts(result) {
    return {
        id: result.id,
        name: result.name,
        status: result.status,
        duration: result.duration,
        attempts: result.attempts,
        exitCode: result.exitCode,
        error: result.error,
        timedOut: result.timedOut,
        outputs: result.outputs,
    };
}
function placeholderValues(workflow, step) {
    const values = {};
    for (const [key, value] of Object.entries(workflow))
        values[`workflow.${key}`] = String(value);
    for (const key of ['id', 'name', 'status', 'duration', 'attempts', 'exitCode', 'error']) {
        const value = step?.[key];
        values[`step.${key}`] = value === null || value === undefined ? '' : String(value);
    }
    return values;
}

;// CONCATENATED MODULE: ./src/notify/http-delivery.ts
/**
 * Posting notifications without ever holding up a run: each POST runs beside the steps, is bounded per
 * try, retried with exponential backoff on network errors, timeouts, 5xx and 429 (once a URL has failed
 * a whole delivery, later ones get a single try until one succeeds), and `close()` waits only a bounded
 * time before abandoning what is still in flight. Posts to one URL go out in order, so a
 * receiver sees `start` before `step_start` before `completion`.
 */
class DeliveryQueue {
    #warn;
    #tries;
    #tryTimeoutMs;
    #backoffMs;
    #closeTimeoutMs;
    /** The tail of each URL's chain of deliveries. */
    #chains = new Map();
    #pending = new Set();
    /** URLs whose last delivery was abandoned: tried once until one succeeds, so a dead endpoint costs nothing. */
    #failing = new Set();
    #shutdown = new AbortController();
    #closed = false;
    constructor(options) {
        this.#warn = options.warn;
        this.#tries = Math.max(1, options.tries ?? 3);
        this.#tryTimeoutMs = options.tryTimeoutMs ?? 10_000;
        this.#backoffMs = options.backoffMs ?? 500;
        this.#closeTimeoutMs = options.closeTimeoutMs ?? 3_000;
    }
    /** Queues a POST after the earlier ones to the same URL; returns at once. */
    enqueue(request) {
        if (this.#closed)
            return;
        const previous = this.#chains.get(request.url) ?? Promise.resolve();
        const delivery = previous.then(() => this.#deliver(request));
        this.#chains.set(request.url, delivery);
        this.#pending.add(delivery);
        void delivery.finally(() => {
            this.#pending.delete(delivery);
            if (this.#chains.get(request.url) === delivery)
                this.#chains.delete(request.url);
        });
    }
    /** Waits up to the close bound for queued deliveries, then abandons the rest with a warning. */
    async close() {
        this.#closed = true;
        if (this.#pending.size === 0)
            return;
        let timer;
        const settled = Promise.allSettled([...this.#pending]).then(() => true);
        const expired = new Promise((resolve) => {
            timer = setTimeout(() => resolve(false), this.#closeTimeoutMs);
        });
        const finished = await Promise.race([settled, expired]);
        clearTimeout(timer);
        if (finished)
            return;
        const abandoned = this.#pending.size;
        this.#shutdown.abort();
        this.#warn(`gave up on ${abandoned} notification ${abandoned === 1 ? 'delivery' : 'deliveries'} still in flight after ${this.#closeTimeoutMs} ms`);
    }
    async #deliver(request) {
        let reason = '';
        const tries = this.#failing.has(request.url) ? 1 : this.#tries;
        for (let attempt = 1; attempt <= tries; attempt++) {
            if (this.#shutdown.signal.aborted)
                return;
            const outcome = await this.#try(request);
            if (outcome.done) {
                this.#failing.delete(request.url);
                return;
            }
            reason = outcome.reason;
            if (!outcome.retry || attempt === tries)
                break;
            await this.#sleep(this.#backoffMs * 2 ** (attempt - 1));
        }
        if (this.#shutdown.signal.aborted)
            return;
        const known = this.#failing.has(request.url);
        this.#failing.add(request.url);
        // One warning per outage, not one per event.
        if (!known)
            this.#warn(`${request.what} notification to ${describeUrl(request.url)} failed: ${reason}`);
    }
    async #try(request) {
        try {
            const response = await fetch(request.url, {
                method: 'POST',
                headers: request.headers,
                body: request.body,
                signal: AbortSignal.any([this.#shutdown.signal, AbortSignal.timeout(this.#tryTimeoutMs)]),
            });
            // Free the connection; the receiver's answer carries nothing we use.
            await response.body?.cancel().catch(() => undefined);
            if (response.ok)
                return { done: true };
            const retry = response.status >= 500 || response.status === 429;
            return { done: false, retry, reason: `HTTP ${response.status}` };
        }
        catch (error) {
            const timedOut = errorField(error, 'name') === 'TimeoutError';
            return { done: false, retry: true, reason: timedOut ? `no answer within ${this.#tryTimeoutMs} ms` : errorText(error) };
        }
    }
    #sleep(ms) {
        return new Promise((resolve) => {
            const signal = this.#shutdown.signal;
            const timer = setTimeout(done, ms);
            function done() {
                clearTimeout(timer);
                signal.removeEventListener('abort', done);
                resolve();
            }
            signal.addEventListener('abort', done);
        });
    }
}
/** The host alone: webhook URLs (Slack's above all) carry their credential in the path. */
function describeUrl(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'an invalid URL';
    }
}
/** Read by shape, not `instanceof`: fetch's errors may come from another realm (vm contexts, tests). */
function errorText(error) {
    const message = errorField(error, 'message');
    if (message === undefined)
        return String(error);
    // fetch reports "fetch failed" and hides the useful part (ECONNREFUSED …) in its cause.
    const cause = typeof error === 'object' && error !== null && 'cause' in error ? errorField(error.cause, 'message') : undefined;
    return cause === undefined ? message : `${message}: ${cause}`;
}
function errorField(error, field) {
    if (typeof error !== 'object' || error === null || !(field in error))
        return undefined;
    const value = error[field];
    return typeof value === 'string' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/notify/slack.ts



class SlackNotifier {
    #settings;
    #url;
    #queue;
    #secrets;
    constructor(options) {
        this.#settings = slackSettings(options.context, options.webhookUrl, options.warn);
        this.#url = options.webhookUrl ?? '';
        this.#queue = new DeliveryQueue(options);
        this.#secrets = new SecretValues(options.mask);
    }
    /** Whether this run will post anything (false: the listener can be left out). */
    get active() {
        return this.#settings !== null;
    }
    onEvent(event) {
        this.#secrets.observe(event);
        const settings = this.#settings;
        if (!settings)
            return;
        if (event.type === 'workflow_start') {
            if (settings.onStart)
                this.#post(startMessage(event.name, event.workflowId), 'start');
        }
        else if (event.type === 'workflow_end') {
            const failed = event.result.status === 'failed';
            // One message per run end: a failed run's is sent when either flag asks for it.
            if (settings.onCompletion || (failed && settings.onFailure))
                this.#post(endMessage(event.result), failed ? 'failure' : 'completion');
        }
    }
    close() {
        return this.#queue.close();
    }
    #post(message, what) {
        const masked = maskStrings(message, (text) => this.#secrets.mask(text));
        this.#queue.enqueue({ url: this.#url, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(masked), what: `Slack ${what}` });
    }
}
/**
 * Reads `context.notifications`; null when nothing is to be posted to Slack. Every channel that cannot
 * be served is reported through `warn`.
 */
function slackSettings(context, webhookUrl, warn) {
    const raw = context['notifications'];
    if (raw === undefined || raw === null)
        return null;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
        warn('context.notifications should be an object {on_start, on_completion, on_failure, channels}; ignored');
        return null;
    }
    const notifications = raw;
    const channels = notifications['channels'] ?? [];
    if (!Array.isArray(channels) || !channels.every((c) => typeof c === 'string')) {
        warn('context.notifications.channels should be a list of channel names; ignored');
        return null;
    }
    let slack = false;
    for (const channel of channels) {
        if (channel !== 'slack')
            warn(`notification channel '${channel}' is not supported (only 'slack' is); ignored`);
        else if (!webhookUrl)
            warn("notification channel 'slack' has no webhook URL (set the slack-webhook-url input or SLACK_WEBHOOK_URL); ignored");
        else
            slack = true;
    }
    if (!slack)
        return null;
    return {
        onStart: flag(notifications['on_start'], false),
        onCompletion: flag(notifications['on_completion'], true),
        onFailure: flag(notifications['on_failure'], true),
    };
}
function flag(value, fallback) {
    return typeof value === 'boolean' ? value : fallback;
}
function startMessage(name, workflowId) {
    const text = `:arrow_forward: Workflow *${escapeSlack(name)}* started (${escapeSlack(workflowId)})`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
function endMessage(result) {
    const icon = result.status === 'completed' ? ':white_check_mark:' : result.status === 'failed' ? ':x:' : ':no_entry_sign:';
    const seconds = (result.metrics.totalDuration / 1000).toFixed(1);
    const text = `${icon} Workflow *${escapeSlack(result.name)}* ${result.status} in ${seconds} s (${escapeSlack(result.workflowId)})`;
    const failed = result.steps.filter((s) => s.status === 'failed');
    const details = failed.map((s) => `• \`${escapeSlack(s.id)}\`: ${escapeSlack(s.error ?? 'failed')}`);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text } }];
    if (details.length > 0)
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: details.join('\n') } });
    return { text, blocks };
}
/** Slack's mrkdwn treats `&`, `<` and `>` as markup; a name containing them must show as written. */
function escapeSlack(text) {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

;// CONCATENATED MODULE: ./src/notify/webhooks.ts
/**
 * `notifications.webhooks[]`: turns the engine's events (and fired alerts) into signed JSON POSTs. The
 * body is built as a value and serialized once, so placeholders are JSON-escaped wherever they stand.
 */




class WebhookNotifier {
    #webhooks;
    #stepNames;
    #queue;
    #secrets;
    #workflow = { id: '', name: '', status: 'running', startTime: 0, endTime: null };
    constructor(options) {
        this.#webhooks = options.webhooks;
        this.#stepNames = new Map(options.workflow.steps.map((s) => [s.id, s.name]));
        this.#workflow.name = options.workflow.name;
        this.#queue = new DeliveryQueue(options);
        this.#secrets = new SecretValues(options.mask);
    }
    onEvent(event) {
        this.#secrets.observe(event);
        switch (event.type) {
            case 'workflow_start':
                this.#workflow = { id: event.workflowId, name: event.name, status: 'running', startTime: event.time, endTime: null };
                this.#send({ event: 'start', time: event.time });
                break;
            case 'step_start':
                // A retry is a new attempt of a step already announced.
                if (event.attempt === 1) {
                    const step = { id: event.stepId, name: this.#stepNames.get(event.stepId) ?? event.stepId, status: 'running', duration: null, error: null };
                    this.#send({ event: 'step_start', time: event.time, step });
                }
                break;
            case 'step_end': {
                const step = webhooks_stepFacts(event.result);
                this.#send({ event: 'step_completion', time: event.time, step });
                if (event.result.status === 'failed')
                    this.#send({ event: 'step_failure', time: event.time, step });
                break;
            }
            case 'workflow_end':
                this.#workflow = { ...this.#workflow, name: event.result.name, status: event.result.status, endTime: event.time };
                this.#send({ event: 'completion', time: event.time });
                if (event.result.status === 'failed')
                    this.#send({ event: 'failure', time: event.time });
                break;
            default:
                break;
        }
    }
    /** Delivers a fired alert as the `alert` event. */
    alert(alert) {
        this.#send({ event: 'alert', time: alert.time, alert });
    }
    /** Waits (bounded) for deliveries in flight; never rejects. */
    close() {
        return this.#queue.close();
    }
    #send(occurrence) {
        for (const webhook of this.#webhooks) {
            if (!webhook.events.includes(occurrence.event))
                continue;
            const body = JSON.stringify(this.#body(webhook, occurrence));
            const headers = {
                ...webhook.headers,
                'Content-Type': 'application/json',
                'User-Agent': 'task-orchestrator',
                'X-Task-Orchestrator-Event': occurrence.event,
            };
            if (webhook.secret !== undefined) {
                headers['X-Task-Orchestrator-Signature-256'] = `sha256=${(0,external_node_crypto_namespaceObject.createHmac)('sha256', webhook.secret).update(body, 'utf8').digest('hex')}`;
            }
            this.#queue.enqueue({ url: webhook.url, headers, body, what: occurrence.event });
        }
    }
    #body(webhook, occurrence) {
        const mask = (text) => this.#secrets.mask(text);
        if (webhook.payload !== undefined)
            return fillPayload(webhook.payload, this.#values(occurrence), mask);
        const workflow = this.#workflow;
        return maskStrings({
            event: occurrence.event,
            workflow: { id: workflow.id, name: workflow.name, status: workflow.status, duration: this.#duration(occurrence.time) },
            ...(occurrence.step ? { step: occurrence.step } : {}),
            ...(occurrence.alert
                ? { alert: { message: occurrence.alert.message, severity: occurrence.alert.severity, ...(occurrence.alert.stepId !== undefined ? { stepId: occurrence.alert.stepId } : {}) } }
                : {}),
            timestamp: new Date(occurrence.time).toISOString(),
        }, mask);
    }
    /** Every known placeholder has a value; those this event lacks (a step's on `start`) are empty. */
    #values(occurrence) {
        const step = occurrence.step;
        const alert = occurrence.alert;
        return {
            'workflow.id': this.#workflow.id,
            'workflow.name': this.#workflow.name,
            'workflow.status': this.#workflow.status,
            'workflow.duration': String(this.#duration(occurrence.time)),
            'step.id': step?.id ?? alert?.stepId ?? '',
            'step.name': step?.name ?? (alert?.stepId !== undefined ? (this.#stepNames.get(alert.stepId) ?? alert.stepId) : ''),
            'step.status': step?.status ?? '',
            'step.duration': step?.duration != null ? String(step.duration) : '',
            'step.error': step?.error ?? '',
            'alert.message': alert?.message ?? '',
            'alert.severity': alert?.severity ?? '',
        };
    }
    #duration(time) {
        return Math.max(0, (this.#workflow.endTime ?? time) - this.#workflow.startTime);
    }
}
function webhooks_stepFacts(result) {
    return { id: result.id, name: result.name, status: result.status, duration: result.duration, error: result.error };
}

;// CONCATENATED MODULE: ./src/notify/notification-listeners.ts



/**
 * The listeners the request needs, alerts first so that an alert fired at the run's end is queued
 * before the webhooks' `completion` event. Empty when nothing is configured.
 */
function notificationListeners(setup) {
    const { request, warn } = setup;
    const delivery = { ...setup.delivery, warn, ...(setup.mask ? { mask: setup.mask } : {}) };
    const listeners = [];
    const webhooks = request.notifications.webhooks.length > 0 ? new WebhookNotifier({ ...delivery, webhooks: request.notifications.webhooks, workflow: request.workflow }) : null;
    if (request.notifications.alerts.length > 0) {
        listeners.push(new AlertMonitor({
            alerts: request.notifications.alerts,
            workflow: request.workflow,
            context: request.context,
            env: setup.env,
            warn,
            onAlert: (alert) => {
                setup.onAlert(alert);
                webhooks?.alert(alert);
            },
            ...(setup.alertIntervalMs !== undefined ? { intervalMs: setup.alertIntervalMs } : {}),
            ...(setup.mask ? { mask: setup.mask } : {}),
        }));
    }
    if (webhooks)
        listeners.push(webhooks);
    const slack = new SlackNotifier({ ...delivery, context: request.context, webhookUrl: setup.slackWebhookUrl });
    if (slack.active)
        listeners.push(slack);
    return listeners;
}
/** The CLI's stderr line for a fired alert (SPEC §9). */
function alertLogLine(alert) {
    return `warning: alert: ${alert.message}`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The run as Markdown for a job summary or a check run: a status line, the step table, the critical path,
 * a Gantt chart and the tail of each failed step's log. Pure: the caller supplies the log tails. The text
 * never exceeds the byte budget it is given (GitHub refuses a step summary over 1 MiB), however many
 * steps the workflow has: sections shrink, and each cut says so.
 */


/** GitHub's limit is 1 MiB per step summary; leave room for what else the job appends. */
const SUMMARY_MAX_BYTES = 1_000_000;
const ALL_SECTIONS = (/* unused pure expression or super */ null && (['status', 'table', 'criticalPath', 'gantt', 'failedLogs']));
/** Renders the summary Markdown within the byte budget. */
function renderSummary(input) {
    const maxBytes = input.maxBytes ?? SUMMARY_MAX_BYTES;
    const sections = input.sections ?? ALL_SECTIONS;
    const result = input.result;
    const parts = [];
    let used = 0;
    // Share of what is left that each section may take, so later sections keep some room.
    const share = { status: 1, table: 0.6, criticalPath: 1, gantt: 0.5, failedLogs: 1 };
    for (const section of sections) {
        const budget = Math.floor((maxBytes - used) * share[section]);
        const text = renderSection(section, result, input.failedLogTails ?? {}, budget);
        if (text === '' || bytes(text) + 1 > maxBytes - used)
            continue;
        parts.push(text);
        used += bytes(text) + 1;
    }
    return parts.join('\n');
}
function renderSection(section, result, tails, budget) {
    switch (section) {
        case 'status':
            return fit(statusSection(result), budget);
        case 'table':
            return stepTable(result.steps.map(rowOf), budget);
        case 'criticalPath':
            return fit(criticalPathSection(result), budget);
        case 'gantt':
            return ganttSection(result, budget);
        case 'failedLogs':
            return failedLogsSection(result, tails, budget);
        default:
            return unreachable(section);
    }
}
/** The emoji shown beside a step or workflow status. */
function statusEmoji(status) {
    switch (status) {
        case 'completed':
            return '✅';
        case 'failed':
            return '❌';
        case 'skipped':
            return '⏭️';
        case 'cancelled':
            return '⏹️';
        case 'running':
            return '🔄';
        case 'pending':
            return '⏳';
        default:
            return unreachable(status);
    }
}
/** A one-line headline: `❌ build failed: Step test failed`. */
function headline(result) {
    const what = `${statusEmoji(result.status)} ${result.name} ${result.status}`;
    return result.error ? `${what}: ${result.error}` : what;
}
function statusSection(result) {
    const m = result.metrics;
    const counts = [
        `${m.completedSteps} completed`,
        m.failedSteps > 0 ? `${m.failedSteps} failed` : '',
        m.skippedSteps > 0 ? `${m.skippedSteps} skipped` : '',
        m.cancelledSteps > 0 ? `${m.cancelledSteps} cancelled` : '',
    ].filter((s) => s !== '');
    return [
        `## ${escapeHtml(headline(result))}`,
        '',
        `**${m.totalSteps} steps**: ${counts.join(', ')} · wall time **${formatDuration(m.totalDuration)}** · ` +
            `parallel efficiency ${m.parallelEfficiency} · at most ${m.maxConcurrency} at once · workflow id \`${escapeHtml(result.workflowId)}\``,
        '',
    ].join('\n');
}
function rowOf(step) {
    return { id: step.id, name: step.name, status: step.status, duration: step.duration, attempts: step.attempts, detail: step.error ?? step.reason };
}
/**
 * The step table as HTML (cells escaped here: the toolkit's summary builder does not escape). Over
 * budget, failed, cancelled and running steps are kept first and a closing row counts the rest.
 */
function stepTable(rows, budget) {
    const head = '<table>\n<tr><th>Step</th><th>Status</th><th>Duration</th><th>Attempts</th><th>Error</th></tr>\n';
    const foot = '</table>\n';
    const rendered = rows.map(renderRow);
    const total = bytes(head) + bytes(foot) + rendered.reduce((sum, r) => sum + bytes(r), 0);
    if (total <= budget)
        return head + rendered.join('') + foot;
    const noteReserve = 200;
    let room = budget - bytes(head) - bytes(foot) - noteReserve;
    if (room <= 0)
        return '';
    const important = (row) => row.status === 'failed' || row.status === 'cancelled' || row.status === 'running';
    const keep = new Set();
    for (const pass of [true, false]) {
        rows.forEach((row, i) => {
            if (important(row) !== pass || keep.has(i))
                return;
            const size = bytes(rendered[i] ?? '');
            if (size > room)
                return;
            keep.add(i);
            room -= size;
        });
    }
    const shown = rendered.filter((_r, i) => keep.has(i));
    const left = rows.length - shown.length;
    const note = `<tr><td colspan="5"><em>${left} more step${left === 1 ? '' : 's'} not shown (size limit); the <code>result</code> output has them all.</em></td></tr>\n`;
    return head + shown.join('') + note + foot;
}
function renderRow(row) {
    const name = row.name !== row.id ? `<code>${escapeHtml(row.id)}</code> ${escapeHtml(truncate(row.name, 200))}` : `<code>${escapeHtml(row.id)}</code>`;
    const duration = row.duration === null ? '' : formatDuration(row.duration);
    const attempts = row.attempts > 0 ? String(row.attempts) : '';
    const detail = row.detail ? escapeHtml(truncate(row.detail, 500)) : '';
    return `<tr><td>${name}</td><td>${statusEmoji(row.status)} ${row.status}</td><td>${duration}</td><td>${attempts}</td><td>${detail}</td></tr>\n`;
}
function criticalPathSection(result) {
    const path = result.metrics.criticalPath;
    if (path.steps.length === 0)
        return '';
    const shown = path.steps.length > 100 ? [...path.steps.slice(0, 50), '…', ...path.steps.slice(-49)] : path.steps;
    return `**Critical path** (${formatDuration(path.duration)}): ${shown.map((s) => (s === '…' ? s : `\`${escapeHtml(s)}\``)).join(' → ')}\n`;
}
function ganttSection(result, budget) {
    const chart = ganttChart(result, { maxChars: Math.max(0, Math.min(budget - 200, 40_000)) });
    if (chart.text === '' || !chart.text.includes(' :'))
        return '';
    const note = chart.omitted > 0 ? `\n_${chart.omitted} more steps are not drawn (diagram size limit)._\n` : '';
    return `### Timeline\n\n\`\`\`mermaid\n${chart.text}\n\`\`\`\n${note}`;
}
function failedLogsSection(result, tails, budget) {
    const failed = result.steps.filter((s) => s.status === 'failed');
    if (failed.length === 0)
        return '';
    const heading = '### Failed steps\n\n';
    let room = budget - bytes(heading) - 200;
    const blocks = [];
    let left = 0;
    failed.forEach((step, index) => {
        // Each failed step gets an equal share of what remains, at most 16 KB.
        const share = Math.min(16 * 1024, Math.floor(room / (failed.length - index)));
        const block = failedBlock(step, tails[step.id] ?? [], share);
        if (block === '' || bytes(block) + 1 > room) {
            left += 1;
            return;
        }
        blocks.push(block);
        room -= bytes(block) + 1;
    });
    const note = left > 0 ? `_${left} more failed step${left === 1 ? '' : 's'} not shown (size limit)._\n` : '';
    return blocks.length === 0 && left === 0 ? '' : heading + blocks.join('\n') + note;
}
function failedBlock(step, tail, budget) {
    const summary = `<details open><summary><code>${escapeHtml(step.id)}</code>: ${escapeHtml(truncate(step.error ?? 'failed', 300))}</summary>\n\n`;
    const close = '</pre>\n</details>\n';
    const open = '<pre>\n';
    let room = budget - bytes(summary) - bytes(open) - bytes(close);
    if (room <= 0)
        return '';
    const lines = [];
    for (let i = tail.length - 1; i >= 0; i -= 1) {
        const line = `${escapeHtml(truncate(tail[i] ?? '', 1000))}\n`;
        if (bytes(line) > room)
            break;
        lines.unshift(line);
        room -= bytes(line);
    }
    const body = lines.length === 0 ? '(no output)\n' : lines.join('');
    return summary + open + body + close;
}
/** Escapes text for HTML and for Markdown's inline code/emphasis inside HTML blocks. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
/** `850 ms`, `12.3 s`, `2 m 05 s`, `1 h 02 m`. */
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return '';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 3600)
        return `${Math.floor(seconds / 60)} m ${String(seconds % 60).padStart(2, '0')} s`;
    const minutes = Math.round(seconds / 60);
    return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} m`;
}
function truncate(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function fit(text, budget) {
    return bytes(text) <= budget ? text : '';
}
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}

;// CONCATENATED MODULE: ./src/report/console.ts



const STATUS_INTERVAL_MS = 100;
const FLUSH_BYTES = 64 * 1024;
class ConsoleReporter {
    #log;
    #live;
    #now;
    #running = new Set();
    #total = 0;
    #done = 0;
    #failed = 0;
    #start = 0;
    #statusShown = false;
    #lastStatus = 0;
    #timer = null;
    #pending = [];
    #pendingLength = 0;
    #flushScheduled = null;
    constructor(options) {
        this.#log = options.log;
        this.#live = options.live;
        this.#now = options.now ?? Date.now;
    }
    onEvent(event) {
        switch (event.type) {
            case 'workflow_start':
                this.#total = event.stepIds.length;
                this.#start = event.time;
                this.#line(`▶ ${event.name} (${event.workflowId}): ${event.stepIds.length} steps`);
                if (this.#live) {
                    this.#timer = setInterval(() => this.#status(true), 1000);
                    this.#timer.unref();
                }
                break;
            case 'step_start':
                this.#running.add(event.stepId);
                this.#line(event.attempt > 1 ? `[${event.stepId}] ↻ attempt ${event.attempt}` : `[${event.stepId}] ▶ started`);
                break;
            case 'step_output':
                // The CLI may itself run inside Actions: a step's line must never act as a workflow command, and
                // the runner also ends a line at a lone `\r`, so every piece between them is made inert.
                this.#line(`[${event.stepId}] ${event.line.split('\r').map(neutralizeWorkflowCommands).join('\r')}`);
                break;
            case 'step_retry':
                this.#line(`[${event.stepId}] ${event.error}; retrying in ${event.delay} ms (attempt ${event.attempt})`);
                break;
            case 'step_end': {
                this.#running.delete(event.stepId);
                this.#done++;
                const r = event.result;
                if (r.status === 'failed')
                    this.#failed++;
                const took = r.duration !== null ? ` in ${formatDuration(r.duration)}` : '';
                const detail = r.status === 'failed' ? `: ${r.error ?? ''}` : r.reason ? `: ${r.reason}` : '';
                const mark = { completed: '✓', failed: '✗', skipped: '○', cancelled: '■' }[r.status];
                this.#line(`[${event.stepId}] ${mark} ${r.status}${r.cached ? ' (kept from an earlier run)' : ''}${took}${detail}`);
                break;
            }
            case 'run_status':
                this.#line(`■ workflow ${event.status}`);
                break;
            case 'rollback_start':
                this.#line(`[${event.stepId}] ↶ rolling back`);
                break;
            case 'rollback_end':
                this.#line(`[${event.stepId}] ↶ rollback ${event.result.status}${event.result.error ? `: ${event.result.error}` : ''}`);
                break;
            case 'breaker':
                this.#line(`⚡ circuit breaker ${event.state} (trips: ${event.trips})`);
                break;
            case 'concurrency':
                this.#line(`⇅ concurrency ${event.from} → ${event.to}${Number.isFinite(event.cpu) ? ` (cpu ${event.cpu.toFixed(0)}%)` : ''}`);
                break;
            case 'workflow_end': {
                if (this.#timer)
                    clearInterval(this.#timer);
                this.#clearStatus();
                const r = event.result;
                const m = r.metrics;
                this.#write(`${r.success ? '✓' : '✗'} ${r.name}: ${r.status} in ${formatDuration(m.totalDuration)} — ` +
                    `${m.completedSteps} completed, ${m.failedSteps} failed, ${m.skippedSteps} skipped, ${m.cancelledSteps} cancelled; ` +
                    `parallel efficiency ${m.parallelEfficiency}${r.error ? `\n  ${r.error}` : ''}\n`);
                this.#flush();
                break;
            }
            case 'step_progress':
            case 'step_annotation':
            case 'secret':
            case 'debug':
                break;
            default:
                unreachable_unreachable(event);
        }
    }
    #line(text) {
        this.#clearStatus();
        this.#write(`${text}\n`);
        this.#status(false);
    }
    /**
     * Lines are gathered and written once per event-loop turn (or per 64 KiB): a step printing 40 million
     * lines would otherwise cost 40 million write calls, more than everything else the run does.
     */
    #write(text) {
        this.#pending.push(text);
        this.#pendingLength += text.length;
        if (this.#pendingLength >= FLUSH_BYTES)
            this.#flush();
        else
            this.#flushScheduled ??= setImmediate(() => this.#flush());
    }
    #flush() {
        if (this.#flushScheduled)
            clearImmediate(this.#flushScheduled);
        this.#flushScheduled = null;
        if (this.#pending.length === 0)
            return;
        const text = this.#pending.join('');
        this.#pending = [];
        this.#pendingLength = 0;
        this.#log.write(text);
    }
    #status(force) {
        if (!this.#live || this.#total === 0)
            return;
        const now = this.#now();
        if (!force && now - this.#lastStatus < STATUS_INTERVAL_MS)
            return;
        this.#lastStatus = now;
        const running = [...this.#running];
        const names = running.slice(0, 4).join(', ') + (running.length > 4 ? ` +${running.length - 4}` : '');
        this.#write(`\r\x1b[K⏵ ${this.#done}/${this.#total} done, ${this.#failed} failed, ${running.length} running${names ? ` (${names})` : ''}, ${formatDuration(now - this.#start)} elapsed`);
        this.#statusShown = true;
    }
    #clearStatus() {
        if (!this.#statusShown)
            return;
        this.#write('\r\x1b[K');
        this.#statusShown = false;
    }
}

;// CONCATENATED MODULE: ./src/report/debug-log.ts
/** Whether debug lines are wanted: the definition's `debug.enabled` or the runner's step-debug switch. */
function debugEnabled(settings, env) {
    return settings.enabled || env['ACTIONS_STEP_DEBUG'] === 'true';
}
class DebugLog {
    #write;
    /** `write` receives whole lines without their newline (the CLI appends one and writes to stderr). */
    constructor(write) {
        this.#write = write;
    }
    onEvent(event) {
        const message = debugMessage(event);
        if (message !== null)
            this.#write(`[debug] ${message}`);
    }
}
/** The debug text of an event, or null for events that are not decisions. */
function debugMessage(event) {
    switch (event.type) {
        case 'debug':
            return event.message;
        case 'concurrency': {
            const cpu = Number.isFinite(event.cpu) ? ` (CPU ${Math.round(event.cpu)}%)` : '';
            return `concurrency ${event.from} -> ${event.to}${cpu}`;
        }
        case 'breaker':
            return `circuit breaker ${event.state} (${event.trips} ${event.trips === 1 ? 'trip' : 'trips'})`;
        default:
            return null;
    }
}

;// CONCATENATED MODULE: ./src/state/control-watcher.ts

function watchControl(store, workflowId, run, options = {}) {
    const applied = new Set();
    let closed = false;
    let reading = null;
    let again = false;
    const check = () => {
        if (closed)
            return;
        if (reading) {
            again = true;
            return;
        }
        reading = (async () => {
            do {
                again = false;
                const requests = await store.readControl(workflowId).catch(() => []);
                for (const request of requests) {
                    if (closed || applied.has(request.id))
                        continue;
                    applied.add(request.id);
                    apply(run, request.action);
                    options.onApplied?.(request);
                }
            } while (again && !closed);
        })().finally(() => {
            reading = null;
        });
    };
    const stopWatch = store.watchControl?.(workflowId, check) ?? (() => { });
    // Not unref'd: a paused run has nothing else keeping the process alive while it waits for resume.
    const poll = setInterval(check, options.pollInterval ?? store.controlPollInterval);
    check();
    return {
        close: async () => {
            closed = true;
            clearInterval(poll);
            stopWatch();
            await reading;
        },
    };
}
function apply(run, action) {
    switch (action) {
        case 'pause':
            return run.pause();
        case 'resume':
            return run.resume();
        case 'cancel':
            return run.cancel('cancelled from monitor');
        default:
            return unreachable_unreachable(action);
    }
}

;// CONCATENATED MODULE: ./src/state/machine-usage.ts
/**
 * The runner's CPU and memory use, for the monitor's metrics, from the engine's machine probes.
 */

function machineSampler() {
    const cpu = new CpuSampler();
    let first = true;
    return () => {
        // The sampler's baseline is its construction: the first reading covers no interval worth showing.
        const busy = cpu.sample();
        const usage = { cpu: first ? null : Math.round(busy), memory: Math.round(memoryUsagePercent()) };
        first = false;
        return usage;
    };
}

;// CONCATENATED MODULE: ./src/state/state-recorder.ts



/**
 * Output lines journaled per run. A step may print gigabytes (SPEC §3); past this the journal keeps the
 * run's lifecycle only, so neither the disk nor the write buffer grows with the output. Each line is
 * charged its event's overhead too: a flood of short lines costs memory per event, not per byte.
 */
const OUTPUT_JOURNAL_BYTES = 1024 * 1024;
const OUTPUT_EVENT_OVERHEAD = 128;
/** Past this, a slow store is the store's problem. Status stays current meanwhile: readers replay the journal. */
const MAX_ADAPTIVE_GAP_MS = 10_000;
class StateRecorder {
    #store;
    #masker = new SecretMasker();
    #now;
    #sample;
    #onError;
    #reported = new Set();
    #record;
    #journal = [];
    #outputBytes = 0;
    #dirty = false;
    #lastSave = 0;
    #lastSaveCost = 0;
    /** Events the journal holds: where a reader's replay starts (RunRecord.journalCount). */
    #appended = 0;
    #pending = [];
    #urgent = false;
    #closing = false;
    #timerDue = 0;
    #timer = null;
    #writing = null;
    #heartbeat;
    constructor(store, record, options = {}) {
        this.#store = store;
        this.#record = record;
        this.#now = options.now ?? Date.now;
        this.#sample = options.sampleMachine ?? machineSampler();
        this.#onError = options.onError ?? ((message) => process.stderr.write(`warning: state store: ${message}\n`));
        this.#record = { ...record, machine: { cpu: null, memory: this.#sample().memory } };
        this.#heartbeat = setInterval(() => this.#beat(), store.heartbeatInterval);
        this.#heartbeat.unref();
    }
    /** The record as it stands (masked), for callers that show status without reading the store. */
    get record() {
        this.#applyPending();
        return this.#record;
    }
    /** Events wait here until the record is needed: applying them in a batch copies the step list once. */
    #applyPending() {
        if (this.#pending.length === 0)
            return;
        this.#record = applyEvents(this.#record, this.#pending);
        this.#pending = [];
    }
    onEvent(event) {
        if (event.type === 'step_output' && !this.#roomForOutput(event))
            return;
        let stored;
        if (event.type === 'secret') {
            this.#masker.add(event.value);
            // The value itself is exactly what must not be stored.
            stored = { ...event, value: '***' };
        }
        else {
            stored = this.#masker.maskDeep(event);
        }
        this.#journal.push(stored);
        if (changesRecord(stored)) {
            this.#pending.push(stored);
            this.#dirty = true;
        }
        // Terminal and run-status changes are what a monitor waits to see acknowledged: never held back.
        this.#schedule(event.type === 'workflow_end' || event.type === 'run_status');
    }
    /** Writes everything still pending, records the durations for later ETAs, and stops the heartbeat. */
    async close() {
        clearInterval(this.#heartbeat);
        if (this.#timer)
            clearTimeout(this.#timer);
        this.#timer = null;
        this.#closing = true;
        do
            await this.#flush();
        while (this.#journal.length > 0 || this.#dirty);
        if (this.#timer)
            clearTimeout(this.#timer);
        this.#timer = null;
        this.#applyPending();
        const result = this.#record.result;
        if (result)
            await this.#guard('history', () => this.#store.addHistory(this.#record.name, result.steps));
    }
    #roomForOutput(event) {
        if (this.#outputBytes > OUTPUT_JOURNAL_BYTES)
            return false;
        this.#outputBytes += event.line.length + OUTPUT_EVENT_OVERHEAD;
        if (this.#outputBytes <= OUTPUT_JOURNAL_BYTES)
            return true;
        this.#journal.push({ type: 'debug', time: event.time, message: `journal: output lines past ${OUTPUT_JOURNAL_BYTES} bytes are not recorded (see the log)` });
        return false;
    }
    /**
     * The journal goes out on the next tick (it is what a restart trusts); the record follows at most
     * every #saveGap ms, or at once when `urgent` (status changes a monitor waits to see acknowledged).
     */
    #schedule(urgent) {
        if (urgent)
            this.#urgent = true;
        const recordDue = this.#urgent ? 0 : Math.max(0, this.#lastSave + this.#saveGap() - this.#now());
        const wait = this.#journal.length > 0 ? 0 : recordDue;
        const due = this.#now() + wait;
        if (this.#timer) {
            if (this.#timerDue <= due)
                return;
            clearTimeout(this.#timer);
        }
        this.#timerDue = due;
        this.#timer = setTimeout(() => {
            this.#timer = null;
            void this.#flush();
        }, wait);
    }
    #beat() {
        this.#applyPending();
        if (isTerminal(this.#record.status))
            return;
        const usage = this.#sample();
        this.#record = { ...this.#record, machine: { cpu: usage.cpu ?? this.#record.machine.cpu, memory: usage.memory } };
        this.#dirty = true;
        this.#schedule(false);
    }
    /** One writer at a time; what arrives during a write goes out with the next one (throttled again). */
    async #flush() {
        // A write in flight reschedules itself for whatever arrived meanwhile: waiting here as well would
        // queue one waiter per event during a long write.
        if (this.#writing)
            return this.#writing;
        if (this.#journal.length === 0 && !this.#dirty)
            return;
        this.#writing = this.#writeOnce();
        try {
            await this.#writing;
        }
        finally {
            this.#writing = null;
        }
        if (this.#journal.length > 0 || this.#dirty)
            this.#schedule(false);
    }
    async #writeOnce() {
        const events = this.#journal;
        this.#journal = [];
        if (events.length > 0 && (await this.#guard('journal', () => this.#store.appendEvents(this.#record.workflowId, events)))) {
            this.#appended += events.length;
        }
        if (!this.#dirty)
            return;
        if (!this.#urgent && !this.#closing && this.#now() < this.#lastSave + this.#saveGap())
            return;
        this.#dirty = false;
        this.#urgent = false;
        this.#lastSave = this.#now();
        this.#applyPending();
        this.#record = { ...this.#record, updateTime: new Date(this.#lastSave).toISOString(), journalCount: this.#appended };
        const started = performance.now();
        await this.#guard('record', () => this.#store.saveRecord(this.#record));
        this.#lastSaveCost = performance.now() - started;
    }
    /**
     * The least time between two saves of the record: the store's own interval, and for a large run at
     * least 50 times what the last save took, so that saving a 10,000-step record never becomes the run's
     * main work. The journal (every event, appended at once) is what guarantees nothing is lost meanwhile:
     * readers replay it from the record's journalCount.
     */
    #saveGap() {
        return Math.max(this.#store.saveInterval, Math.min(MAX_ADAPTIVE_GAP_MS, 50 * this.#lastSaveCost));
    }
    /** Runs a write; false (reported once per kind) when it failed. */
    async #guard(what, write) {
        try {
            await write();
            return true;
        }
        catch (error) {
            if (!this.#reported.has(what)) {
                this.#reported.add(what);
                this.#onError(`cannot save the ${what}: ${error instanceof Error ? error.message : String(error)}`);
            }
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./src/state/prepare-run.ts
/**
 * The one call an entry point makes to give a run its state: the recorder to pass as a listener, the
 * history for scheduling priority, and `attach` to start obeying control requests once the run exists.
 */






/**
 * Saves the new run's record and definition and returns what the caller wires into startWorkflow.
 * Refuses a workflowId whose earlier run is still alive.
 */
async function prepareStateForRun(store, request, options) {
    const id = checkWorkflowId(options.workflowId);
    if (!id.ok)
        return id;
    const existing = await store.readRun(options.workflowId);
    if (existing && !isTerminal(existing.record.status) && existing.alive !== false) {
        return err(`workflow ${options.workflowId} is still running (pid ${existing.record.owner.pid}); cancel it first`);
    }
    const attempt = (existing?.record.attempt ?? 0) + 1;
    const record = initialRecord(request, options.workflowId, runOwner(options.env ?? process.env), attempt, Date.now());
    try {
        await store.beginRun(record, {
            file: request.source.file,
            root: request.source.root,
            definition: request.definition,
            ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
        });
    }
    catch (error) {
        return err(`cannot save the run's state: ${error instanceof Error ? error.message : String(error)}`);
    }
    const history = await store.readHistory(request.workflow.name).catch(() => ({}));
    const recorder = new StateRecorder(store, record, options.onError ? { onError: options.onError } : {});
    let watcher = null;
    return ok({
        listeners: [recorder],
        history,
        attempt,
        attach: (run) => {
            if (watcher)
                return;
            const attached = watchControl(store, options.workflowId, run, options.onControl ? { onApplied: options.onControl } : {});
            watcher = attached;
            void run.done?.finally(() => attached.close());
        },
        close: async () => {
            await watcher?.close();
            // Requests sent after the end would only confuse a later restart; on GitHub they are refs to tidy.
            await store.clearControl(options.workflowId).catch(() => undefined);
        },
    });
}
/** The current process, and the Actions run it belongs to when there is one. */
function runOwner(env) {
    const runId = Number(env['GITHUB_RUN_ID']);
    const github = env['GITHUB_ACTIONS'] === 'true' && env['GITHUB_REPOSITORY'] && Number.isInteger(runId) && runId > 0
        ? {
            repository: env['GITHUB_REPOSITORY'],
            runId,
            runAttempt: Number(env['GITHUB_RUN_ATTEMPT'] ?? '1') || 1,
            ...(env['GITHUB_WORKFLOW_REF'] ? { workflowRef: env['GITHUB_WORKFLOW_REF'] } : {}),
            ...(env['GITHUB_REF'] ? { ref: env['GITHUB_REF'] } : {}),
        }
        : undefined;
    return { pid: process.pid, hostname: (0,external_node_os_namespaceObject.hostname)(), ...(github ? { github } : {}) };
}

;// CONCATENATED MODULE: ./src/cli/orphan-reaper.ts
/**
 * The CLI's answer to being killed outright (SIGKILL, the OOM killer): nothing of it runs any more to
 * kill its steps' process trees, and they live on as orphans. So each run marks its step processes with a
 * token in their environment, and a tiny detached `sh` watches the CLI's pid: once the CLI is gone
 * without having said goodbye, the watcher kills every process carrying the token (SIGTERM, then SIGKILL
 * two seconds later), including those that left their process group. A clean exit stops the watcher
 * first, so a normal run pays for one small process and nothing more. Linux only (it reads /proc).
 */


/** Carried in every step's environment: how the watcher recognizes this run's processes. */
const RUN_TOKEN_VARIABLE = 'TASK_ORCHESTRATOR_RUN_TOKEN';
const WATCHER_SCRIPT = `
parent=$1
needle="$2"
while kill -0 "$parent" 2>/dev/null; do sleep 0.5; done
sweep() {
  for environ in /proc/[0-9]*/environ; do
    pid=\${environ#/proc/}
    pid=\${pid%/environ}
    [ "$pid" = "$$" ] && continue
    grep -qzxF "$needle" "$environ" 2>/dev/null && kill -"$1" "$pid" 2>/dev/null
  done
}
sweep TERM
sleep 2
sweep KILL
`;
/** Starts the watcher for this process; a no-op off Linux or when `sh` cannot be started. */
function startOrphanReaper() {
    const token = (0,external_node_crypto_namespaceObject.randomBytes)(12).toString('hex');
    const stepEnv = { [RUN_TOKEN_VARIABLE]: token };
    if (process.platform !== 'linux')
        return { stepEnv, stop: () => { } };
    const { [RUN_TOKEN_VARIABLE]: _inherited, ...env } = process.env;
    const watcher = (0,external_node_child_process_.spawn)('sh', ['-c', WATCHER_SCRIPT, 'task-orchestrator-reaper', String(process.pid), `${RUN_TOKEN_VARIABLE}=${token}`], {
        detached: true,
        stdio: 'ignore',
        env,
    });
    watcher.on('error', () => { });
    watcher.unref();
    const stop = () => {
        process.off('exit', stop);
        if (watcher.exitCode === null && watcher.signalCode === null)
            watcher.kill('SIGKILL');
    };
    // Also on an exit that skips the caller's own stop (process.exit from a command handler).
    process.on('exit', stop);
    return { stepEnv, stop };
}

;// CONCATENATED MODULE: ./src/cli/commands/run.ts
/**
 * `task-orchestrator run <file>`: load, validate, run with live output, write the result.
 * SIGINT/SIGTERM cancel the run cleanly (children killed, state saved) and exit 130.
 */














function registerRunCommand(program) {
    const command = program
        .command('run')
        .description('run a workflow: steps in parallel as their dependencies allow')
        .argument('<file>', 'workflow definition (.yml, .yaml or .json)')
        .option('--context <json|@file>', 'context merged over the file’s (shallow; the command line wins)')
        .option('--concurrency <n>', 'steps at once (default: workflow.concurrency, else the CPU count)', parsePositiveInt)
        .option('--workflow-id <id>', 'id of this run (default: wf-<time>-<random>)')
        .option('--state-dir <dir>', 'state folder (default: $TASK_ORCHESTRATOR_STATE_DIR or .task-orchestrator)')
        .option('--json', 'print the result object alone on stdout (logs go to stderr)')
        .option('--output <file>', 'also write the result object to this file');
    withDefinitionFlags(command).action(async (file, opts) => {
        process.exitCode = await runCommand(file, opts);
    });
}
async function runCommand(file, opts) {
    warmUpSpawner();
    const context = parseContextOption(opts.context);
    if (!context.ok) {
        process.stderr.write(`error: ${context.error}\n`);
        return EXIT.invalid;
    }
    const loaded = await loadOrReport(file, { ...loadOptionsOf(opts), ...(context.value ? { context: context.value } : {}) }, process.stderr);
    if (!isRequest(loaded))
        return EXIT.invalid;
    const workflowId = opts.workflowId ?? `wf-${Date.now()}-${(0,external_node_crypto_namespaceObject.randomBytes)(3).toString('hex')}`;
    return executeRequest(loaded, workflowId, opts);
}
/** Runs a loaded request with the CLI's listeners and state; shared by `run` and `monitor … restart`. */
async function executeRequest(request, workflowId, opts, previous) {
    const env = process.env;
    const log = opts.json ? process.stderr : process.stdout;
    const warn = (message) => void process.stderr.write(`warning: ${message}\n`);
    const state = await prepareStateForRun(new LocalStateStore(resolveStateDir(opts.stateDir, env)), request, {
        workflowId,
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        env,
        onError: (message) => warn(`state: ${message}`),
    });
    if (!state.ok) {
        process.stderr.write(`error: ${state.error}\n`);
        return EXIT.invalid;
    }
    const listeners = [
        new ConsoleReporter({ log, live: Boolean(log.isTTY) && env['CI'] !== 'true' }),
        ...state.value.listeners,
        ...notificationListeners({
            request,
            env,
            slackWebhookUrl: env['SLACK_WEBHOOK_URL'],
            warn,
            onAlert: (alert) => void process.stderr.write(`${alertLogLine(alert)}\n`),
        }),
    ];
    if (debugEnabled(request.debug, env))
        listeners.push(new DebugLog((line) => void process.stderr.write(`${line}\n`)));
    // Kills the steps' trees should this process itself be killed outright (SIGKILL leaves no handler).
    const reaper = startOrphanReaper();
    const run = startWorkflow(request, {
        workflowId,
        listeners,
        env: { ...env, ...reaper.stepEnv },
        history: state.value.history,
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        ...(previous ? { previous } : {}),
    });
    state.value.attach(run);
    if (request.resources.autoScaling)
        startAutoScaler(run, request.resources.autoScaling);
    const interrupted = handleSignals(run);
    const result = await run.done;
    reaper.stop();
    interrupted.dispose();
    await state.value.close();
    writeResult(result, opts);
    if (interrupted.received)
        return EXIT.interrupted;
    return result.success ? EXIT.success : EXIT.workflowFailed;
}
function writeResult(result, opts) {
    const text = `${JSON.stringify(result, null, 2)}\n`;
    if (opts.output)
        (0,external_node_fs_.writeFileSync)(opts.output, text);
    if (opts.json)
        process.stdout.write(text);
}
/** The first signal cancels (cleanup steps still run); a second one stops those too. */
function handleSignals(run) {
    const state = { received: false, dispose: () => { } };
    const onSignal = (signal) => {
        state.received = true;
        process.stderr.write(`\n${signal}: cancelling the workflow (send again to stop cleanup steps too)\n`);
        run.cancel(`interrupted by ${signal}`);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    state.dispose = () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    };
    return state;
}

;// CONCATENATED MODULE: ./src/cli/commands/monitor.ts






/** How long pause/resume/cancel wait to see the run acknowledge them before returning (it obeys within 2 s). */
const ACKNOWLEDGE_WAIT_MS = 5000;
const ACKNOWLEDGED = {
    pause: ['paused', 'completed', 'failed', 'cancelled', 'interrupted'],
    resume: ['running', 'cancelling', 'completed', 'failed', 'cancelled', 'interrupted'],
    cancel: ['cancelling', 'cancelled', 'completed', 'failed', 'interrupted'],
};
function registerMonitorCommand(program) {
    program
        .command('monitor')
        .description('show a run’s status, or pause, resume, cancel or restart it')
        .argument('<workflowId>', 'the id the run was started with (see `list`)')
        .argument('[action]', `one of ${MONITOR_ACTIONS.join(', ')}`, 'status')
        .option('--all', 'restart: run every step again, not only those that did not complete')
        .option('--state-dir <dir>', 'state folder (default: $TASK_ORCHESTRATOR_STATE_DIR or .task-orchestrator)')
        .option('--json', 'print the status object alone on stdout')
        .action(async (workflowId, action, opts) => {
        if (!isMonitorAction(action))
            throw new UsageError(`unknown action '${action}': use one of ${MONITOR_ACTIONS.join(', ')}`);
        process.exitCode = await monitorCommand(workflowId, action, opts);
    });
}
async function monitorCommand(workflowId, action, opts) {
    const store = new LocalStateStore(resolveStateDir(opts.stateDir));
    switch (action) {
        case 'status':
            return showStatus(store, workflowId, opts);
        case 'pause':
        case 'resume':
        case 'cancel':
            return sendControl(store, workflowId, action, opts);
        case 'restart': {
            const plan = await planRestart(store, workflowId, { all: opts.all ?? false });
            if (!plan.ok)
                return fail(plan.error);
            const kept = plan.value.previous?.filter((s) => s.status === 'completed').length ?? 0;
            process.stderr.write(`restarting ${workflowId}${opts.all ? ' (all steps)' : `, keeping ${kept} completed step${kept === 1 ? '' : 's'}`}\n`);
            return executeRequest(plan.value.request, workflowId, {
                ...(plan.value.concurrency !== undefined ? { concurrency: plan.value.concurrency } : {}),
                ...(opts.stateDir !== undefined ? { stateDir: opts.stateDir } : {}),
                ...(opts.json ? { json: true } : {}),
            }, plan.value.previous);
        }
        default:
            return unreachable_unreachable(action);
    }
}
async function showStatus(store, workflowId, opts) {
    const status = await readStatus(store, workflowId);
    if (!status.ok)
        return fail(status.error);
    process.stdout.write(opts.json ? `${JSON.stringify(status.value, null, 2)}\n` : formatStatus(status.value));
    return EXIT.success;
}
async function sendControl(store, workflowId, action, opts) {
    const sent = await requestControl(store, workflowId, action);
    if (!sent.ok)
        return fail(sent.error);
    const deadline = Date.now() + ACKNOWLEDGE_WAIT_MS;
    let status = await readStatus(store, workflowId);
    while (status.ok && !ACKNOWLEDGED[action].includes(status.value.status) && Date.now() < deadline) {
        await new Promise((wake) => setTimeout(wake, 100));
        status = await readStatus(store, workflowId);
    }
    if (!status.ok)
        return fail(status.error);
    if (!ACKNOWLEDGED[action].includes(status.value.status)) {
        process.stderr.write(`warning: ${action} sent, but ${workflowId} has not acknowledged it yet (still ${status.value.status})\n`);
    }
    else {
        process.stderr.write(`${action} sent to ${workflowId}\n`);
    }
    process.stdout.write(opts.json ? `${JSON.stringify(status.value, null, 2)}\n` : formatStatus(status.value));
    return EXIT.success;
}
/** The status as a few readable lines. */
function formatStatus(status) {
    const lines = [
        `${status.workflowId} (${status.name}): ${status.status}`,
        `  progress: ${status.progress.completed}/${status.progress.total} steps (${status.progress.percentage}%), ${status.metrics.throughput}`,
        `  runner: cpu ${status.metrics.cpuUsage ?? 'n/a'}, memory ${status.metrics.memoryUsage ?? 'n/a'}` +
            (status.circuitBreaker ? `; circuit breaker ${status.circuitBreaker.state} (${status.circuitBreaker.trips} trips)` : ''),
    ];
    for (const step of status.activeSteps) {
        const progress = [step.progress.percentage === null ? '' : `${step.progress.percentage}%`, step.progress.currentTask ?? ''].filter(Boolean).join(' ');
        lines.push(`  running: ${step.id}${progress ? ` — ${progress}` : ''}${step.attempt > 1 ? ` (attempt ${step.attempt})` : ''}`);
    }
    for (const step of status.nextSteps)
        lines.push(`  next: ${step.id}${step.estimatedStart ? ` at ~${step.estimatedStart}` : ''}`);
    return `${lines.join('\n')}\n`;
}
function fail(message) {
    process.stderr.write(`error: ${message}\n`);
    return EXIT.invalid;
}

;// CONCATENATED MODULE: ./src/cli/commands/plan.ts



function registerPlanCommand(program) {
    const command = program
        .command('plan')
        .description('show the execution plan: topological levels, dependencies and the critical path')
        .argument('<file>', 'workflow definition')
        .option('--json', 'print {steps:[{id,level,dependsOn}], levels, criticalPath, estimatedDuration}');
    withDefinitionFlags(command).action(async (file, opts) => {
        const loaded = await loadOrReport(file, loadOptionsOf(opts), process.stderr);
        if (!isRequest(loaded)) {
            process.exitCode = EXIT.invalid;
            return;
        }
        const plan = planWorkflow(loaded.workflow);
        if (opts.json) {
            process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
            return;
        }
        const out = [`${loaded.workflow.name}: ${plan.steps.length} steps in ${plan.levels.length} levels`];
        plan.levels.forEach((ids, level) => out.push(`  level ${level}: ${ids.join(', ')}`));
        out.push(`  critical path: ${plan.criticalPath.steps.join(' -> ')} (${plan.criticalPath.duration})`);
        out.push(`  estimated duration: ${plan.estimatedDuration}`);
        process.stdout.write(`${out.join('\n')}\n`);
    });
}

;// CONCATENATED MODULE: ./src/cli/commands/validate.ts


function registerValidateCommand(program) {
    const command = program
        .command('validate')
        .description('check a workflow definition without running it; problems are printed as file:line:col: error: message')
        .argument('<file>', 'workflow definition (.yml, .yaml or .json)')
        .option('--json', 'print {valid, errors:[{file,line,column,message}]} on stdout');
    withDefinitionFlags(command).action(async (file, opts) => {
        const stderr = opts.json ? { write: () => true } : process.stderr;
        const loaded = await loadOrReport(file, loadOptionsOf(opts), stderr);
        const valid = isRequest(loaded);
        if (opts.json) {
            const errors = valid ? [] : loaded.map((d) => ({ ...d.location, severity: d.severity, message: d.message }));
            process.stdout.write(`${JSON.stringify({ valid, errors }, null, 2)}\n`);
        }
        else if (valid) {
            process.stdout.write(`${file}: valid (${loaded.workflow.steps.length} steps, ${loaded.workflow.dependencies.length} dependencies)\n`);
        }
        process.exitCode = valid ? EXIT.success : EXIT.invalid;
    });
}

;// CONCATENATED MODULE: ./src/cli/index.ts
/**
 * The CLI entry (bundled to dist/cli/index.js): wiring only. Each command lives in commands/.
 */










const VERSION = '1.0.0';
async function main(argv) {
    holdYoungGeneration();
    const program = new Command()
        .name('task-orchestrator')
        .description('Run a DAG of shell steps in parallel, with dependencies, conditions, timeouts, retries and rollback.')
        .version(VERSION)
        .exitOverride()
        .showHelpAfterError();
    registerRunCommand(program);
    registerValidateCommand(program);
    registerPlanCommand(program);
    registerGraphCommand(program);
    registerMonitorCommand(program);
    registerListCommand(program);
    program.commands.forEach((c) => c.exitOverride());
    try {
        await program.parseAsync(argv);
    }
    catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here with code 0; a usage mistake with exit 2 (SPEC §11).
            process.exitCode = error.exitCode === 0 ? EXIT.success : EXIT.invalid;
            return;
        }
        if (error instanceof UsageError) {
            process.stderr.write(`error: ${error.message}\n`);
            process.exitCode = EXIT.invalid;
            return;
        }
        throw error;
    }
}
main(process.argv).catch((error) => {
    process.stderr.write(`task-orchestrator: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
});

